package org.connectathon.platform.proxy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.connectathon.platform.ListPage;
import org.connectathon.platform.RepositoryTest;
import org.connectathon.platform.TableRows;
import org.connectathon.platform.proxy.CapturedMessage.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures on the Flyway schema: stored in a batch, listed newest first, read back whole.
 */
@RepositoryTest
@Import(CaptureRepository.class)
class CaptureRepositoryTests {

	private static final OffsetDateTime NOON = OffsetDateTime.of(2026, 12, 7, 12, 0, 0, 0, ZoneOffset.UTC);

	@Autowired
	CaptureRepository captures;

	@Autowired
	TableRows rows;

	long event;

	@BeforeEach
	void anEvent() {
		this.event = this.rows.event();
	}

	@Test
	void shouldStoreABatchAndListItNewestFirstWithTheFiltersApplied() {
		List<Capture> stored = this.captures.insertAll(List.of(capture("GET", "/Patient?name=x", 200, "Patient", NOON),
				capture("POST", "/Observation", 201, "Observation", NOON.plusMinutes(1)),
				capture("GET", "/Patient/1", 404, "Patient", NOON.plusMinutes(2))));
		assertThat(stored).extracting(Capture::url).containsExactly("/Patient?name=x", "/Observation", "/Patient/1");

		ListPage<Capture> all = this.captures.findPage(this.event, CaptureFilter.none(), 0, 2);
		assertThat(all.total()).isEqualTo(3);
		assertThat(all.items()).extracting(Capture::url).containsExactly("/Patient/1", "/Observation");

		CaptureFilter patients = new CaptureFilter(null, null, null, null, NOON.plusMinutes(2), "Patient", null);
		assertThat(this.captures.findPage(this.event, patients, 0, 10).items()).extracting(Capture::url)
			.containsExactly("/Patient?name=x");
		CaptureFilter notFound = new CaptureFilter(null, null, 404, null, null, null, null);
		assertThat(this.captures.findPage(this.event, notFound, 0, 10).items()).extracting(Capture::status)
			.containsExactly(404);
	}

	@Test
	void shouldGiveBackEachStoredCaptureAsItIsReadLater() {
		OffsetDateTime withNanoseconds = NOON.plusNanos(123_456_789);

		List<Capture> stored = this.captures.insertAll(List.of(capture("GET", "/Patient/1", 200, "Patient", NOON),
				capture("DELETE", "/Patient/2", 204, "Patient", withNanoseconds)));

		assertThat(stored)
			.allSatisfy((capture) -> assertThat(capture).isEqualTo(this.captures.find(capture.id()).orElseThrow()));
		assertThat(stored.get(1).validationStatus()).isEqualTo(CaptureValidationStatus.PENDING);
	}

	@Test
	void shouldReadBackHeadersInTheirOrderAndTheBodyWithItsTruncation() {
		long id = this.captures.insertAll(List.of(capture("GET", "/Patient/1", 200, "Patient", NOON))).get(0).id();

		CapturedMessage response = this.captures.findResponse(id).orElseThrow();

		assertThat(response.headers()).containsExactly(new Header("Content-Type", "application/fhir+json"),
				new Header("Set-Cookie", "***"), new Header("Set-Cookie", "***"));
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"resourceType\":");
		assertThat(response.bodySize()).isEqualTo(40);
		assertThat(response.bodyTruncated()).isTrue();
		Capture stored = this.captures.find(id).orElseThrow();
		assertThat(stored.validationStatus()).isEqualTo(CaptureValidationStatus.PENDING);
		assertThat(stored.responseBodyTruncated()).isTrue();
		assertThat(this.captures.findRequest(id).orElseThrow().body()).isNull();
	}

	private NewCapture capture(String method, String url, int status, String resourceType, OffsetDateTime at) {
		CapturedMessage request = new CapturedMessage(List.of(new Header("Accept", "application/fhir+json")), null,
				null, 0, false);
		CapturedMessage response = new CapturedMessage(
				List.of(new Header("Content-Type", "application/fhir+json"), new Header("Set-Cookie", "***"),
						new Header("Set-Cookie", "***")),
				"application/fhir+json", "{\"resourceType\":".getBytes(StandardCharsets.UTF_8), 40, true);
		return new NewCapture(this.event, null, null, null, null, "127.0.0.1", at, 3, 5, method, url,
				"http://upstream.example" + url, status, null, resourceType, "read", request, response);
	}

}
