package org.connectathon.platform.web;

import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.ChunkedResponse;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.SmallRequestLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies are held to their endpoint's limit however they are sent: chunked bodies
 * (no {@code Content-Length}) are refused with 413 as soon as they pass the limit, long
 * before the client has sent them whole. The limits are small here (see
 * {@link SmallRequestLimits}); the tests read them rather than assume them.
 */
@SmallRequestLimits
class RequestLimitsIntegrationTests {

	static final long MB = 1024 * 1024;

	/**
	 * What may be on the way besides what the server read: socket buffers on both sides
	 * and what Tomcat swallows after answering ({@code server.tomcat.max-swallow-size}).
	 */
	static final long IN_FLIGHT = 12 * MB;

	/** What each test offers to send: far more than a limit and what may be in flight. */
	static final long OVERSIZE = 48 * MB;

	@Autowired
	Fixtures fixtures;

	@Value("${connectathon.limits.package-body}")
	DataSize packageBody;

	@Value("${connectathon.limits.validation-body}")
	DataSize validationBody;

	@Value("${connectathon.limits.request-body}")
	DataSize requestBody;

	ApiClient participant;

	@BeforeEach
	void aParticipant() {
		this.participant = this.fixtures.participantOf(this.fixtures.organization());
	}

	@Test
	void shouldRefuseAChunkedOversizePackageBeforeReadingTheRest() {
		ChunkedResponse refused = this.fixtures.admin()
			.postChunked("/api/packages", "application/gzip", new byte[] { 0x1f, (byte) 0x8b }, OVERSIZE);

		assertThat(refused.status()).as(refused::toString).isEqualTo(413);
		assertThat(refused.body()).contains("\"status\":413").contains(String.valueOf(this.packageBody.toBytes()));
		assertThat(refused.bytesSent()).isGreaterThan(this.packageBody.toBytes())
			.isLessThan(this.packageBody.toBytes() + IN_FLIGHT);
	}

	@Test
	void shouldRefuseAParticipantsPackageBeforeReadingIt() {
		ChunkedResponse refused = this.participant.postChunked("/api/packages", "application/gzip",
				new byte[] { 0x1f, (byte) 0x8b }, OVERSIZE);

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.bytesSent()).isLessThan(IN_FLIGHT);
	}

	@Test
	void shouldRefuseAChunkedOversizeResourceToValidate() {
		byte[] patient = "{\"resourceType\": \"Patient\"".getBytes(StandardCharsets.UTF_8);
		ChunkedResponse api = this.participant.postChunked("/api/validate", "application/fhir+json", patient, OVERSIZE);
		assertThat(api.status()).as(api::toString).isEqualTo(413);
		assertThat(api.body()).contains("\"status\":413").contains(String.valueOf(this.validationBody.toBytes()));
		assertThat(api.bytesSent()).isLessThan(this.validationBody.toBytes() + IN_FLIGHT);

		ChunkedResponse fhir = this.participant.postChunked("/fhir/Patient/$validate", "application/fhir+json", patient,
				OVERSIZE);
		assertThat(fhir.status()).as(fhir::toString).isEqualTo(413);
		assertThat(fhir.body()).contains("OperationOutcome").contains(String.valueOf(this.validationBody.toBytes()));
		assertThat(fhir.bytesSent()).isLessThan(this.validationBody.toBytes() + IN_FLIGHT);
	}

	@Test
	void shouldRefuseAChunkedOversizeMultipartUploadWithProblemJson() {
		byte[] start = ("--boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		ChunkedResponse refused = this.participant.postChunked("/api/test-instances/1/evidence",
				"multipart/form-data; boundary=boundary", start, OVERSIZE);

		assertThat(refused.status()).as(refused::toString).isEqualTo(413);
		assertThat(refused.body()).as(refused::toString)
			.contains("\"status\":413")
			.contains(String.valueOf(this.validationBody.toBytes()));
		assertThat(refused.bytesSent()).isLessThan(this.validationBody.toBytes() + IN_FLIGHT);
	}

	@Test
	void shouldGiveEachEndpointItsOwnLimit() {
		// Bodies within their limit are read whole and then refused for what they are
		// (400),
		// not for their size (413). An implementation guide that is not NAME#VERSION is
		// refused before the validator loads, which keeps the test quick.
		String toValidate = "/api/validate?ig=not-a-guide";
		byte[] notAResource = "not a resource".getBytes(StandardCharsets.UTF_8);
		long overRequestBody = this.requestBody.toBytes() + this.validationBody.toBytes() / 4;
		long overValidationBody = this.validationBody.toBytes() + this.packageBody.toBytes() / 4;
		assertThat(overRequestBody).isLessThan(this.validationBody.toBytes());
		assertThat(overValidationBody).isLessThan(this.packageBody.toBytes());

		ChunkedResponse validated = this.participant.postChunked(toValidate, "text/plain", notAResource,
				overRequestBody);
		assertThat(validated.status()).as("to validate: within its limit").isEqualTo(400);
		ChunkedResponse catalog = this.fixtures.admin()
			.postChunked("/api/catalog", "application/yaml", "# a catalog".getBytes(StandardCharsets.UTF_8),
					overRequestBody);
		assertThat(catalog.status()).as("the same size of catalog: over its limit").isEqualTo(413);
		ApiClient.Response declared = this.participant.postText(toValidate,
				"not a resource" + " ".repeat((int) overRequestBody), "text/plain");
		assertThat(declared.status()).as("the same with a Content-Length").isEqualTo(400);

		ChunkedResponse tooLargeToValidate = this.participant.postChunked(toValidate, "text/plain", notAResource,
				overValidationBody);
		assertThat(tooLargeToValidate.status()).as("to validate: over its limit").isEqualTo(413);
		ChunkedResponse notAPackage = this.fixtures.admin()
			.postChunked("/api/packages", "application/gzip", notAResource, overValidationBody);
		assertThat(notAPackage.status()).as("the same size of package: within its limit").isEqualTo(400);
	}

	@Test
	void shouldAnswerAnOversizePagePostWithAReadablePage() {
		byte[] form = "name=".getBytes(StandardCharsets.UTF_8);
		ChunkedResponse refused = this.fixtures.anonymous()
			.postDeclared("/organization", "application/x-www-form-urlencoded", form, OVERSIZE);

		assertThat(refused.status()).as(refused::toString).isEqualTo(413);
		assertThat(refused.body()).contains("What you sent is larger than this page accepts: at most "
				+ MessageFormat.format("{0}", this.requestBody.toBytes()) + " bytes.");
		assertThat(refused.bytesSent()).isLessThan(IN_FLIGHT);
	}

}
