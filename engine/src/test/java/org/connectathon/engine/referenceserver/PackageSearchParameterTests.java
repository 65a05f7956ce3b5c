package org.connectathon.engine.referenceserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import org.connectathon.engine.packages.PackageCache;
import org.connectathon.engine.packages.PackageResolver;
import org.connectathon.engine.packages.ResolvedPackages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SearchParameters of implementation guide packages ({@code reference-server --ig})
 * and of a loaded folder ({@code --load}) are indexed; those the server cannot use are
 * reported and skipped.
 */
class PackageSearchParameterTests {

	private static final String BSN_PARAMETER = """
			{"resourceType":"SearchParameter","id":"nl-patient-bsn","url":"http://example.nl/fhir/SearchParameter/nl-patient-bsn",
			 "name":"bsn","status":"active","code":"bsn","base":["Patient"],"type":"token",
			 "expression":"Patient.identifier.where(system = 'http://fhir.nl/fhir/NamingSystem/bsn')"}""";

	private static final String OTHER_RELEASE_PARAMETER = """
			{"resourceType":"SearchParameter","id":"r5-only","url":"http://example.nl/fhir/SearchParameter/r5-only",
			 "name":"r5only","status":"active","code":"r5only","base":["ActorDefinition"],"type":"token",
			 "expression":"ActorDefinition.type"}""";

	@Test
	void indexesTheSearchParametersOfAPackage(@TempDir Path folder) throws Exception {
		Path packageFolder = Files.createDirectories(folder.resolve("nl-search/package"));
		Files.writeString(packageFolder.resolve("package.json"),
				"{\"name\":\"example.nl.search\",\"version\":\"0.1.0\",\"fhirVersions\":[\"4.0.1\"]}");
		Files.writeString(packageFolder.resolve("SearchParameter-nl-patient-bsn.json"), BSN_PARAMETER);
		Files.writeString(packageFolder.resolve("SearchParameter-r5-only.json"), OTHER_RELEASE_PARAMETER);
		ResolvedPackages packages = new PackageResolver(new PackageCache(folder.resolve("cache"), List.of()))
			.resolve(List.of(folder.resolve("nl-search").toString()));
		ReferenceServer server = new ReferenceServer(FhirContext.forR4Cached());
		List<String> warnings = new ArrayList<>();

		assertThat(server.loadSearchParameters(packages.packages(), warnings::add)).isEqualTo(1);

		assertThat(warnings).singleElement()
			.asString()
			.startsWith(
					"CTN-5017: SearchParameter r5only names base ActorDefinition, which is not a resource type of FHIR R4");
		assertThat(server.store().index().searchParameters().get("Patient", "bsn").custom()).isTrue();
		try (ReferenceServerClient client = ReferenceServerClient.start(server)) {
			client.put(DutchMedication.PATIENT, DutchMedication.OTHER_PATIENT);
			assertThat(ReferenceServerClient.matches(client.search("Patient?bsn=456"))).containsExactly("Patient/p-2");
		}
	}

	@Test
	void indexesTheSearchParametersOfALoadedFolder(@TempDir Path folder) throws Exception {
		Files.writeString(folder.resolve("SearchParameter-nl-patient-bsn.json"), BSN_PARAMETER);
		Files.writeString(folder.resolve("SearchParameter-r5-only.json"), OTHER_RELEASE_PARAMETER);
		Files.writeString(folder.resolve("Patient-p-1.json"), DutchMedication.PATIENT);
		ReferenceServer server = new ReferenceServer(FhirContext.forR4Cached());
		List<String> warnings = new ArrayList<>();

		assertThat(server.load(folder, warnings::add)).isEqualTo(2);

		assertThat(warnings).singleElement().asString().contains("SearchParameter-r5-only.json); it was skipped");
		try (ReferenceServerClient client = ReferenceServerClient.start(server)) {
			assertThat(ReferenceServerClient.matches(client.search("Patient?bsn=123"))).containsExactly("Patient/p-1");
		}
	}

}
