package org.connectathon.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.connectathon.engine.packages.PackageCache;
import org.connectathon.engine.packages.PackageResolver;
import org.connectathon.engine.packages.ResolvedPackages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationServiceWarmStartTests {

	private static final String PATIENT = "{\"resourceType\":\"Patient\",\"gender\":\"unknown-gender\","
			+ "\"birthDate\":\"1970-02-30\"}";

	@TempDir
	Path cache;

	@Test
	void firstStartKeepsTheCoreDefinitionsInThePackageCacheForTheNext() {
		ResolvedPackages coreOnly = new PackageResolver(new PackageCache(cache, List.of())).resolve(List.of());

		ValidationReport first = ValidationService.create(coreOnly, null).validate(PATIENT, null);

		Path core = cache.resolve("connectathon.core-definitions.r4#8.8.1-lean").resolve("package");
		assertThat(core.resolve(".index.json")).content()
			.contains("\"url\" : \"http://hl7.org/fhir/StructureDefinition/Patient\"");
		assertThat(core.resolve("StructureDefinition-Patient.json")).isRegularFile();
		ValidationReport second = ValidationService.create(coreOnly, null).validate(PATIENT, null);
		assertThat(second).isEqualTo(first);
		assertThat(second.errors()).extracting(ValidationIssue::location)
			.contains("Patient.gender", "Patient.birthDate");
	}

	@Test
	void incompleteCachedCoreDefinitionsAreRebuilt() throws IOException {
		Path core = Files
			.createDirectories(cache.resolve("connectathon.core-definitions.r4#8.8.1-lean").resolve("package"));
		Files.writeString(core.resolve("package.json"),
				"{\"name\":\"connectathon.core-definitions.r4\",\"version\":\"8.8.1-lean\"}");
		Files.writeString(core.resolve(".index.json"), "{\"index-version\":2,\"files\":[]}");
		ResolvedPackages coreOnly = new PackageResolver(new PackageCache(cache, List.of())).resolve(List.of());

		ValidationReport report = ValidationService.create(coreOnly, null).validate(PATIENT, null);

		assertThat(report.errors()).extracting(ValidationIssue::location)
			.contains("Patient.gender", "Patient.birthDate");
		assertThat(core.resolve("StructureDefinition-Patient.json")).isRegularFile();
	}

}
