package org.connectathon.platform.proxy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.ListPage;
import org.connectathon.platform.RepositoryTest;
import org.connectathon.platform.TableRows;
import org.connectathon.platform.proxy.CapturedMessage.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

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

	@Autowired
	JdbcClient jdbc;

	long event;

	@BeforeEach
	void anEvent() {
		this.event = this.rows.event();
	}

	@Test
	void shouldStoreAnExchangeWithOverlongTextsCutSoThatItsBatchIsKept() {
		String mtom = "multipart/related; boundary=\"uuid:" + "0".repeat(300) + "\"; type=\"application/xop+xml\"";
		NewCapture odd = capture("PROPPATCHING", "/" + "x".repeat(5000), 200, "Patient", NOON);
		CapturedMessage request = new CapturedMessage(List.of(), mtom + "x".repeat(1000), null, 0, false);

		List<Capture> stored = this.captures.insertAll(List.of(capture("GET", "/Patient/1", 200, "Patient", NOON),
				new NewCapture(odd.eventId(), null, null, null, null, odd.clientAddress(), NOON, 3, 5, odd.method(),
						odd.url(), odd.upstreamUrl(), 200, null, null, null, request, odd.response())));

		assertThat(stored).hasSize(2);
		Capture kept = this.captures.find(stored.get(1).id()).orElseThrow();
		assertThat(kept.method()).hasSize(10).endsWith("…");
		assertThat(kept.url()).hasSize(4000).startsWith("/xxx").endsWith("…");
		assertThat(this.captures.findRequest(kept.id()).orElseThrow().contentType()).hasSize(1000).startsWith(mtom);
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

		CaptureFilter patients = new CaptureFilter(null, null, null, null, NOON.plusMinutes(2), "Patient", null, null,
				null, CaptureFilter.NEWEST_FIRST);
		assertThat(this.captures.findPage(this.event, patients, 0, 10).items()).extracting(Capture::url)
			.containsExactly("/Patient?name=x");
		CaptureFilter notFound = new CaptureFilter(null, null, 404, null, null, null, null, null, null,
				CaptureFilter.NEWEST_FIRST);
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

	@Test
	void shouldFindByTheAddressAndTheOrganizationAndSortByAColumn() {
		long acme = this.rows.organization();
		long globex = this.rows.organization();
		long acmeSystem = system(acme);
		long globexSystem = system(globex);
		this.captures.insertAll(List.of(capture("/Patient?name=Smith_1", 200, NOON, acmeSystem, 40),
				capture("/Observation", 201, NOON.plusMinutes(1), globexSystem, 900),
				capture("/Patient/7", 404, NOON.plusMinutes(2), globexSystem, 15)));

		assertThat(urls(filter(" Patient?NAME", null, null))).containsExactly("/Patient?name=Smith_1");
		assertThat(urls(filter("smith_", null, null))).containsExactly("/Patient?name=Smith_1");
		assertThat(urls(filter("%", null, null))).isEmpty();
		assertThat(urls(filter(null, String.valueOf(globex), null))).containsExactly("/Patient/7", "/Observation");
		assertThat(urls(filter("patient", String.valueOf(globex), null))).containsExactly("/Patient/7");
		assertThat(urls(filter(null, null, "-duration"))).containsExactly("/Observation", "/Patient?name=Smith_1",
				"/Patient/7");
		assertThat(urls(filter(null, null, "-status"))).containsExactly("/Patient/7", "/Observation",
				"/Patient?name=Smith_1");
		assertThat(urls(filter(null, null, "started"))).containsExactly("/Patient?name=Smith_1", "/Observation",
				"/Patient/7");
	}

	private static CaptureFilter filter(String text, String organization, String sort) {
		return new CaptureFilterForm(null, null, null, null, null, null, text, organization, sort).toFilter(null);
	}

	private List<String> urls(CaptureFilter filter) {
		return this.captures.findPage(this.event, filter, 0, 10).items().stream().map(Capture::url).toList();
	}

	private long system(long organization) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into systems (event_id, organization_id, name, status)
				values (:event, :organization, :name, 'PUBLISHED')""")
			.param("event", this.event)
			.param("organization", organization)
			.param("name", Fixtures.unique("System"))
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	private NewCapture capture(String url, int status, OffsetDateTime at, long receiverSystemId, int totalMillis) {
		NewCapture capture = capture("GET", url, status, "Patient", at);
		return new NewCapture(this.event, null, receiverSystemId, null, null, "127.0.0.1", at, 3, totalMillis, "GET",
				url, "http://upstream.example" + url, status, null, "Patient", "read", capture.request(),
				capture.response());
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
