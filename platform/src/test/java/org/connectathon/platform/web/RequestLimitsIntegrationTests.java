package org.connectathon.platform.web;

import java.nio.charset.StandardCharsets;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.ChunkedResponse;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies are held to their endpoint's limit however they are sent: chunked bodies
 * (no {@code Content-Length}) are refused with 413 as soon as they pass the limit, long
 * before the client has sent them whole.
 */
@PlatformIntegrationTest
class RequestLimitsIntegrationTests {

	static final long MB = 1024 * 1024;

	/**
	 * What may be on the way besides what the server read: socket buffers on both sides
	 * and what Tomcat swallows after answering ({@code server.tomcat.max-swallow-size}).
	 */
	static final long IN_FLIGHT = 16 * MB;

	@Autowired
	Fixtures fixtures;

	ApiClient participant;

	@BeforeEach
	void aParticipant() {
		this.participant = this.fixtures.participantOf(this.fixtures.organization());
	}

	@Test
	void shouldRefuseAChunkedOversizePackageBeforeReadingTheRest() {
		ChunkedResponse refused = this.fixtures.admin()
			.postChunked("/api/packages", "application/gzip", new byte[] { 0x1f, (byte) 0x8b }, 200 * MB);

		assertThat(refused.status()).as(refused::toString).isEqualTo(413);
		assertThat(refused.body()).contains("52428800");
		assertThat(refused.bytesSent()).isGreaterThan(50 * MB).isLessThan(50 * MB + IN_FLIGHT);
	}

	@Test
	void shouldRefuseAParticipantsPackageBeforeReadingIt() {
		ChunkedResponse refused = this.participant.postChunked("/api/packages", "application/gzip",
				new byte[] { 0x1f, (byte) 0x8b }, 200 * MB);

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.bytesSent()).isLessThan(IN_FLIGHT);
	}

	@Test
	void shouldRefuseAChunkedOversizeResourceToValidate() {
		ChunkedResponse api = this.participant.postChunked("/api/validate", "application/fhir+json",
				"{\"resourceType\": \"Patient\"".getBytes(StandardCharsets.UTF_8), 40 * MB);
		assertThat(api.status()).as(api::toString).isEqualTo(413);
		assertThat(api.body()).contains("10485760");
		assertThat(api.bytesSent()).isLessThan(10 * MB + IN_FLIGHT);

		ChunkedResponse fhir = this.participant.postChunked("/fhir/Patient/$validate", "application/fhir+json",
				"{\"resourceType\": \"Patient\"".getBytes(StandardCharsets.UTF_8), 40 * MB);
		assertThat(fhir.status()).as(fhir::toString).isEqualTo(413);
		assertThat(fhir.body()).contains("OperationOutcome").contains("10485760");
		assertThat(fhir.bytesSent()).isLessThan(10 * MB + IN_FLIGHT);
	}

	@Test
	void shouldRefuseAChunkedOversizeMultipartUpload() {
		byte[] start = ("--boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		ChunkedResponse refused = this.participant.postChunked("/api/test-instances/1/evidence",
				"multipart/form-data; boundary=boundary", start, 100 * MB);

		// Tomcat parses multipart bodies itself and stops at
		// spring.servlet.multipart.max-request-size
		assertThat(refused.status()).as(refused::toString).isEqualTo(413);
		assertThat(refused.bytesSent()).isLessThan(10 * MB + IN_FLIGHT);
	}

	@Test
	void shouldGiveEachEndpointItsOwnLimit() {
		// not a resource, found at its first character: the validator answers at once
		byte[] start = "not a resource".getBytes(StandardCharsets.UTF_8);

		ChunkedResponse validated = this.participant.postChunked("/api/validate", "text/plain", start, 7 * MB);
		assertThat(validated.status()).as("7 MB to validate: within its 10 MB").isEqualTo(200);
		ChunkedResponse catalog = this.fixtures.admin()
			.postChunked("/api/catalog", "application/yaml", "# a catalog".getBytes(StandardCharsets.UTF_8), 7 * MB);
		assertThat(catalog.status()).as("7 MB of catalog: over its 5 MB").isEqualTo(413);

		ApiClient.Response declared = this.participant.postText("/api/validate",
				"not a resource" + " ".repeat(7 * 1024 * 1024), "text/plain");
		assertThat(declared.status()).as("the same with a Content-Length").isEqualTo(200);
	}

}
