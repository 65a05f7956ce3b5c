package org.connectathon.platform.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validation through the JSON API and the FHIR {@code $validate} operation, with the IPS
 * implementation guide installed from the packages the build fetched.
 */
@PlatformIntegrationTest
class ValidationIntegrationTests {

	static final String IPS = "hl7.fhir.uv.ips%232.0.0";

	static final Path PACKAGES = Path.of(System.getProperty("connectathon.test-packages"));

	static final String PATIENT_WITH_BAD_BIRTH_DATE = """
			{
			  "resourceType": "Patient",
			  "name": [ { "family": "DeLarosa" } ],
			  "birthDate": "1972-13-45"
			}
			""";

	@Autowired
	Fixtures fixtures;

	@Autowired
	FhirValidation validation;

	ApiClient participant;

	@BeforeEach
	void theIpsPackagesAndAParticipant() {
		for (String file : List.of("hl7.fhir.uv.ips-2.0.0.tgz", "hl7.terminology.r4-7.0.1.tgz",
				"hl7.fhir.uv.extensions.r4-5.3.0-ballot-tc1.tgz")) {
			this.validation.install(PACKAGES.resolve(file));
		}
		this.participant = this.fixtures.participantOf(this.fixtures.organization());
	}

	@Test
	void shouldKeepThePostedResourceEscapedInTheTextAreaOfTheValidatePage() {
		String resource = PATIENT_WITH_BAD_BIRTH_DATE.replace("DeLarosa",
				"DeLarosa</textarea><script>alert(1)</script>");
		PageClient pages = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization()).username());

		HttpResponse<String> page = pages.postForm("/validate", "/validate", Map.of("content", resource));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("validation-result").doesNotContain("<script>alert(1)");
		Matcher textArea = Pattern.compile("<textarea id=\"resource-content\"[^>]*>(.*?)</textarea>", Pattern.DOTALL)
			.matcher(page.body());
		assertThat(textArea.find()).as("the text area").isTrue();
		assertThat(HtmlUtils.htmlUnescape(textArea.group(1))).isEqualTo(resource);
	}

	@Test
	void shouldFindNoErrorInAnOfficialIpsExample() throws IOException {
		Response outcome = this.participant.postText("/api/validate?ig=" + IPS,
				ipsExample("Bundle-bundle-minimal.json"), "application/fhir+json");

		assertThat(outcome.status()).isEqualTo(200);
		assertThat(outcome.contentType()).startsWith("application/fhir+json");
		assertThat(errors(outcome.json())).isEmpty();
	}

	@Test
	void shouldReportAnIpsErrorAtItsPlace() throws IOException {
		String wrongDocumentType = ipsExample("Bundle-bundle-minimal.json").replace("\"code\":\"60591-5\"",
				"\"code\":\"11503-0\"");
		Response outcome = this.participant.postText("/api/validate?ig=" + IPS, wrongDocumentType,
				"application/fhir+json");

		assertThat(errors(outcome.json())).isNotEmpty()
			.anySatisfy((issue) -> assertThat(issue.path("expression").toString()).contains("Bundle.entry[0]"));
	}

	@Test
	void shouldGiveTheLineAndColumnOfAnInvalidValue() {
		Response outcome = this.participant.postText("/api/validate", PATIENT_WITH_BAD_BIRTH_DATE,
				"application/fhir+json");

		JsonNode issue = errors(outcome.json()).get(0);
		assertThat(issue.path("expression").get(0).asString()).isEqualTo("Patient.birthDate");
		assertThat(issue.path("extension").toString()).contains("operationoutcome-issue-line")
			.contains("\"valueInteger\":4");
	}

	@Test
	void shouldReportMalformedJsonWithItsPosition() {
		Response outcome = this.participant.postText("/api/validate",
				"{\n  \"resourceType\": \"Patient\",\n  \"active\": ", "application/fhir+json");

		assertThat(outcome.status()).isEqualTo(200);
		JsonNode issue = errors(outcome.json()).get(0);
		assertThat(issue.path("severity").asString()).isEqualTo("fatal");
		assertThat(issue.path("extension").toString()).contains("operationoutcome-issue-line");
	}

	@Test
	void shouldRefuseAnUnknownImplementationGuideOrProfileClearly() {
		Response unknownGuide = this.participant.postText("/api/validate?ig=hl7.fhir.uv.nothing%231.0.0",
				PATIENT_WITH_BAD_BIRTH_DATE, "application/fhir+json");
		assertThat(unknownGuide.status()).isEqualTo(400);
		assertThat(unknownGuide.json().path("detail").asString()).contains("hl7.fhir.uv.nothing#1.0.0");

		Response unknownProfile = this.participant.postText("/api/validate?profile=http://example.org/Nope",
				PATIENT_WITH_BAD_BIRTH_DATE, "application/fhir+json");
		assertThat(unknownProfile.status()).isEqualTo(400);
		assertThat(unknownProfile.json().path("detail").asString()).contains("Unknown profile http://example.org/Nope");
	}

	@Test
	void shouldAnswerTheFhirValidateOperationWithAnOperationOutcome() {
		Response outcome = this.participant.postText("/fhir/Patient/$validate", PATIENT_WITH_BAD_BIRTH_DATE,
				"application/fhir+json");

		assertThat(outcome.status()).as(outcome::toString).isEqualTo(200);
		assertThat(outcome.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
		assertThat(errors(outcome.json())).anySatisfy(
				(issue) -> assertThat(issue.path("expression").get(0).asString()).isEqualTo("Patient.birthDate"));

		Response unknownGuide = this.participant.postText("/fhir/Patient/$validate?ig=hl7.fhir.uv.nothing%231.0.0",
				PATIENT_WITH_BAD_BIRTH_DATE, "application/fhir+json");
		assertThat(unknownGuide.status()).isEqualTo(400);
		assertThat(unknownGuide.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
	}

	@Test
	void shouldRefuseCallersWithoutAToken() {
		Response api = this.fixtures.anonymous()
			.postText("/api/validate", PATIENT_WITH_BAD_BIRTH_DATE, "application/fhir+json");
		assertThat(api.status()).isEqualTo(401);

		Response fhir = this.fixtures.anonymous()
			.postText("/fhir/Patient/$validate", PATIENT_WITH_BAD_BIRTH_DATE, "application/fhir+json");
		assertThat(fhir.status()).isEqualTo(401);
		assertThat(fhir.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
		assertThat(fhir.json().path("issue").get(0).path("code").asString()).isEqualTo("security");
	}

	@Test
	void shouldLetOrganizersAddPackagesAndRefuseOthers() throws IOException {
		byte[] extensions = Files.readAllBytes(PACKAGES.resolve("hl7.fhir.uv.extensions.r4-5.3.0-ballot-tc1.tgz"));

		Response installed = this.fixtures.admin().postBytes("/api/packages", extensions, "application/gzip");
		assertThat(installed.status()).isEqualTo(201);
		assertThat(installed.json().path("package").asString()).isEqualTo("hl7.fhir.uv.extensions.r4#5.3.0-ballot-tc1");

		assertThat(this.participant.postBytes("/api/packages", extensions, "application/gzip").status()).isEqualTo(403);
		Response garbage = this.fixtures.admin()
			.postBytes("/api/packages", "not a package".getBytes(StandardCharsets.UTF_8), "application/gzip");
		assertThat(garbage.status()).isEqualTo(400);
		assertThat(garbage.contentType()).startsWith("application/problem+json");
	}

	static List<JsonNode> errors(JsonNode operationOutcome) {
		return operationOutcome.path("issue")
			.valueStream()
			.filter((issue) -> List.of("error", "fatal").contains(issue.path("severity").asString()))
			.toList();
	}

	/** An example resource of the IPS package, read from the package file itself. */
	static String ipsExample(String name) throws IOException {
		try (InputStream file = Files.newInputStream(PACKAGES.resolve("hl7.fhir.uv.ips-2.0.0.tgz"));
				TarArchiveInputStream archive = new TarArchiveInputStream(new GZIPInputStream(file))) {
			for (TarArchiveEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
				if (entry.getName().equals("package/example/" + name)) {
					return new String(archive.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		throw new IllegalArgumentException("No example " + name + " in the IPS package");
	}

}
