package org.connectathon.engine.referenceserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceServerTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static ReferenceServerLauncher launcher;

	@BeforeAll
	static void start() {
		launcher = ReferenceServerLauncher.start(new ReferenceServer(FhirContext.forR4Cached()), 0);
	}

	@AfterAll
	static void stop() {
		launcher.close();
	}

	@Test
	void shouldCreateReadUpdateAndDelete() throws Exception {
		HttpResponse<String> created = send("POST", "/Patient",
				"{\"resourceType\":\"Patient\",\"id\":\"ignored\",\"name\":[{\"family\":\"Chalmers\"}]}");
		assertThat(created.statusCode()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/Patient/").contains("/_history/1");
		String id = location.replaceAll(".*/Patient/([^/]+)/.*", "$1");
		assertThat(id).isNotEqualTo("ignored");
		assertThat(send("GET", "/Patient/" + id, null).body()).contains("Chalmers");
		HttpResponse<String> updated = send("PUT", "/Patient/" + id,
				"{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"name\":[{\"family\":\"Duck\"}]}");
		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat(send("GET", "/Patient/" + id + "/_history/1", null).body()).contains("Chalmers");
		assertThat(send("GET", "/Patient/" + id + "/_history", null).body()).contains("Duck").contains("Chalmers");
		assertThat(send("DELETE", "/Patient/" + id, null).statusCode()).isIn(200, 204);
		assertThat(send("GET", "/Patient/" + id, null).statusCode()).isEqualTo(410);
		assertThat(send("GET", "/Patient/never", null).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldCreateWithClientIdOnUpdate() throws Exception {
		HttpResponse<String> created = send("PUT", "/Patient/client-id",
				"{\"resourceType\":\"Patient\",\"id\":\"client-id\"}");
		assertThat(created.statusCode()).isEqualTo(201);
	}

	@Test
	void shouldSearchByStringTokenAndReference() throws Exception {
		send("PUT", "/Patient/search-1",
				"{\"resourceType\":\"Patient\",\"id\":\"search-1\",\"identifier\":[{\"system\":\"urn:s\",\"value\":\"A1\"}],\"name\":[{\"family\":\"Zébulon\",\"given\":[\"Anna\"]}],\"birthDate\":\"1980-05-01\"}");
		send("PUT", "/Observation/search-obs",
				"{\"resourceType\":\"Observation\",\"id\":\"search-obs\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/search-1\"}}");
		assertThat(send("GET", "/Patient?family=zebul", null).body()).contains("search-1");
		assertThat(send("GET", "/Patient?family=nobody", null).body()).doesNotContain("search-1");
		assertThat(send("GET", "/Patient?identifier=urn:s%7CA1", null).body()).contains("search-1");
		assertThat(send("GET", "/Patient?birthdate=ge1980-01-01", null).body()).contains("search-1");
		assertThat(send("GET", "/Patient?birthdate=lt1980-01-01", null).body()).doesNotContain("search-1");
		assertThat(send("GET", "/Observation?subject=Patient/search-1", null).body()).contains("search-obs");
		assertThat(send("GET", "/Observation?patient=search-1", null).body()).contains("search-obs");
		assertThat(send("GET", "/Patient/search-1/$everything", null).body()).contains("search-obs");
	}

	@Test
	void shouldPurgeAPatientWithEverythingThatRefersToIt() throws Exception {
		send("PUT", "/Patient/purged", "{\"resourceType\":\"Patient\",\"id\":\"purged\"}");
		send("PUT", "/Observation/purged-obs",
				"{\"resourceType\":\"Observation\",\"id\":\"purged-obs\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/purged\"}}");
		send("PUT", "/Patient/kept", "{\"resourceType\":\"Patient\",\"id\":\"kept\"}");

		HttpResponse<String> purged = send("GET", "/Patient/purged/$purge", null);

		assertThat(purged.statusCode()).isEqualTo(200);
		assertThat(purged.body()).contains("Purged 2 resources");
		assertThat(send("GET", "/Patient/purged", null).statusCode()).isEqualTo(410);
		assertThat(send("GET", "/Observation/purged-obs", null).statusCode()).isEqualTo(410);
		assertThat(send("GET", "/Patient/kept", null).statusCode()).isEqualTo(200);
		assertThat(send("POST", "/Patient/never-loaded/$purge", null).statusCode())
			.as("a first load purges a patient that is not there yet")
			.isEqualTo(200);
	}

	@Test
	void shouldRunTransactionsAtomically() throws Exception {
		String transaction = """
				{"resourceType":"Bundle","type":"transaction","entry":[
				 {"fullUrl":"urn:uuid:1","resource":{"resourceType":"Patient","name":[{"family":"Tx"}]},"request":{"method":"POST","url":"Patient"}},
				 {"resource":{"resourceType":"Observation","status":"final","code":{"text":"x"},"subject":{"reference":"urn:uuid:1"}},"request":{"method":"POST","url":"Observation"}}]}""";
		HttpResponse<String> response = send("POST", "", transaction);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("transaction-response").contains("201 Created");
		String failing = """
				{"resourceType":"Bundle","type":"transaction","entry":[
				 {"resource":{"resourceType":"Patient","name":[{"family":"Rolledback"}]},"request":{"method":"POST","url":"Patient"}},
				 {"request":{"method":"GET","url":"Patient/does-not-exist"}}]}""";
		assertThat(send("POST", "", failing).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/Patient?family=Rolledback", null).body()).contains("\"total\":0");
	}

	@Test
	void shouldReportEachBatchEntry() throws Exception {
		String batch = """
				{"resourceType":"Bundle","type":"batch","entry":[
				 {"resource":{"resourceType":"Patient","name":[{"family":"Batch"}]},"request":{"method":"POST","url":"Patient"}},
				 {"request":{"method":"GET","url":"Patient/does-not-exist"}}]}""";
		HttpResponse<String> response = send("POST", "", batch);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("batch-response").contains("201 Created").contains("\"404\"");
	}

	@Test
	void shouldDeleteConditionallyAndPatch() throws Exception {
		send("PUT", "/Patient/cond-1",
				"{\"resourceType\":\"Patient\",\"id\":\"cond-1\",\"gender\":\"male\",\"name\":[{\"family\":\"Conditional\"}]}");
		HttpResponse<String> patched = HTTP
			.send(HttpRequest.newBuilder(URI.create(launcher.baseUrl() + "/Patient/cond-1"))
				.method("PATCH",
						HttpRequest.BodyPublishers
							.ofString("[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"female\"}]"))
				.header("Content-Type", "application/json-patch+json")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(patched.statusCode()).isEqualTo(200);
		assertThat(send("GET", "/Patient/cond-1", null).body()).contains("female");
		assertThat(send("DELETE", "/Patient?family=Conditional", null).statusCode()).isIn(200, 204);
		assertThat(send("GET", "/Patient/cond-1", null).statusCode()).isEqualTo(410);
	}

	@Test
	void shouldServeR5() throws Exception {
		try (ReferenceServerLauncher r5 = ReferenceServerLauncher.start(new ReferenceServer(FhirContext.forR5Cached()),
				0)) {
			HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(r5.baseUrl() + "/Patient/r5"))
				.PUT(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\",\"id\":\"r5\"}"))
				.header("Content-Type", "application/fhir+json")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).isEqualTo(201);
			HttpResponse<String> metadata = HTTP.send(
					HttpRequest.newBuilder(URI.create(r5.baseUrl() + "/metadata")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(metadata.body()).contains("\"fhirVersion\":\"5.0.0\"");
		}
	}

	@Test
	void shouldLoadAFolderOfResourcesAndBundles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
			throws Exception {
		java.nio.file.Files.writeString(folder.resolve("package.json"), "{\"name\":\"not a resource\"}");
		java.nio.file.Files.writeString(folder.resolve("Patient-loaded.json"),
				"{\"resourceType\":\"Patient\",\"id\":\"loaded\"}");
		java.nio.file.Files.writeString(folder.resolve("bundle.json"),
				"{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
						+ "{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"loaded-obs\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}}]}");
		ReferenceServer server = new ReferenceServer(FhirContext.forR4Cached());
		assertThat(server.load(folder)).isEqualTo(2);
		assertThat(server.store().current("Observation", "loaded-obs")).isNotNull();
		java.nio.file.Files.writeString(folder.resolve("broken.json"), "{\"resourceType\":\"Patient\",");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.load(folder))
			.hasMessageStartingWith("CTN-5003: expected a FHIR resource in " + folder.resolve("broken.json"));
	}

	@Test
	void shouldSummarizeAPatientAsAnIpsDocument() throws Exception {
		send("PUT", "/Patient/summary-1",
				"{\"resourceType\":\"Patient\",\"id\":\"summary-1\",\"name\":[{\"family\":\"Summary\"}]}");
		send("PUT", "/AllergyIntolerance/summary-allergy",
				"{\"resourceType\":\"AllergyIntolerance\",\"id\":\"summary-allergy\",\"patient\":{\"reference\":\"Patient/summary-1\"},"
						+ "\"code\":{\"text\":\"Penicillin\"}}");
		HttpResponse<String> summary = send("GET", "/Patient/summary-1/$summary", null);
		assertThat(summary.statusCode()).isEqualTo(200);
		org.hl7.fhir.r4.model.Bundle bundle = FhirContext.forR4Cached()
			.newJsonParser()
			.parseResource(org.hl7.fhir.r4.model.Bundle.class, summary.body());
		assertThat(bundle.getType()).isEqualTo(org.hl7.fhir.r4.model.Bundle.BundleType.DOCUMENT);
		org.hl7.fhir.r4.model.Composition composition = (org.hl7.fhir.r4.model.Composition) bundle.getEntryFirstRep()
			.getResource();
		assertThat(composition.getType().getCodingFirstRep().getCode()).isEqualTo("60591-5");
		assertThat(composition.getSubject().getReference()).isEqualTo("Patient/summary-1");
		assertThat(composition.getSection()).extracting((section) -> section.getCode().getCodingFirstRep().getCode())
			.containsExactly("48765-2", "10160-0", "11450-4");
		assertThat(composition.getSection().get(0).getEntryFirstRep().getReference())
			.isEqualTo("AllergyIntolerance/summary-allergy");
		assertThat(composition.getSection().get(1).getEmptyReason().getCodingFirstRep().getCode())
			.isEqualTo("unavailable");
		assertThat(bundle.getEntry()).extracting((entry) -> entry.getResource().fhirType())
			.containsExactly("Composition", "Patient", "AllergyIntolerance");
		assertThat(send("GET", "/Patient/nobody/$summary", null).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldServeCapabilities() throws Exception {
		assertThat(send("GET", "/metadata", null).body()).contains("CapabilityStatement");
	}

	private static HttpResponse<String> send(String method, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(launcher.baseUrl() + path))
			.header("Accept", "application/fhir+json");
		if (body != null) {
			request.header("Content-Type", "application/fhir+json");
		}
		request.method(method,
				body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
