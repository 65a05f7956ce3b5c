package org.connectathon.engine.testscript;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestScriptLoaderTests {

	private final TestScriptLoader loader = new TestScriptLoader();

	@Test
	void shouldReportThePositionOfMalformedJson(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("broken.json");
		Files.writeString(file, "{\"resourceType\":\"TestScript\",\n  \"name\": \"x\",,\n}");
		assertThatThrownBy(() -> this.loader.load(file)).isInstanceOf(TestScriptLoadException.class)
			.hasMessageStartingWith("CTN-1003: " + file + " is not a valid R4 or R5 resource.")
			.hasMessageContaining("line: 2");
	}

	@Test
	void shouldLoadAScriptGivenAsTextWithContainedFixtures() {
		LoadedTestScript script = this.loader.load("stored.json", ScriptHarness
			.script("{\"operation\":{\"type\":" + ScriptHarness.op("read")
					+ ",\"resource\":\"Patient\",\"params\":\"/${pid}\"}}")
			.replace(
					",\n  {\"id\":\"gender-female\",\"autocreate\":false,\"autodelete\":false,\"resource\":{\"reference\":\"gender-female.json\"}}",
					""));
		assertThat(script.id()).isEqualTo("case");
		assertThat(script.actionCount()).isEqualTo(3);
	}

	@Test
	void shouldRefuseAFixtureFileForAScriptGivenAsText() {
		assertThatThrownBy(() -> this.loader.load("stored.json", ScriptHarness.script("")))
			.isInstanceOf(TestScriptLoadException.class)
			.hasMessage("CTN-1008: fixture gender-female of stored.json refers to gender-female.json, expected a "
					+ "contained resource (#id): a script given alone has no folder to read it from");
	}

	@Test
	void shouldRefuseEmptyText() {
		assertThatThrownBy(() -> this.loader.load("empty.json", " "))
			.hasMessage("CTN-1003: expected JSON or XML in empty.json, but it is empty");
	}

	@Test
	void shouldRefuseAResourceThatIsNotATestScript(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("patient.json");
		Files.writeString(file, "{\"resourceType\":\"Patient\",\"id\":\"p\"}");
		assertThatThrownBy(() -> this.loader.load(file))
			.hasMessage("CTN-1002: expected a TestScript in " + file + ", found a Patient");
	}

	@Test
	void shouldNameTheUnknownElementOfAnInvalidScript(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("typo.json");
		Files.writeString(file,
				"{\"resourceType\":\"TestScript\",\"name\":\"x\",\"status\":\"active\",\"tset\":\"x\"}");
		assertThatThrownBy(() -> this.loader.load(file)).hasMessageStartingWith("CTN-1003: ")
			.hasMessageContaining("tset");
	}

	@Test
	void shouldReportAFixtureFileThatDoesNotExist(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("fixture.json");
		Files.writeString(file,
				"{\"resourceType\":\"TestScript\",\"name\":\"x\",\"status\":\"active\",\"fixture\":[{\"id\":\"f\","
						+ "\"autocreate\":false,\"autodelete\":false,\"resource\":{\"reference\":\"Patient/nowhere\"}}]}");
		assertThatThrownBy(() -> this.loader.load(file)).hasMessageStartingWith(
				"CTN-1004: fixture f of " + file + " refers to Patient/nowhere, expected a file at one of");
	}

	@Test
	void shouldFindTheScriptsOfAFhirPackage() {
		Path tgz = Path.of(
				System.getProperty("connectathon.test-packages",
						System.getProperty("user.home") + "/.cache/connectathon/fhir-packages"),
				"hl7.fhir.r4.examples-4.0.1.tgz");
		List<Path> scripts = this.loader.findScripts(List.of(tgz));
		assertThat(scripts).extracting(path -> path.getFileName().toString())
			.containsExactly("TestScript-testscript-example-history.json",
					"TestScript-testscript-example-multisystem.json", "TestScript-testscript-example-readtest.json",
					"TestScript-testscript-example-search.json", "TestScript-testscript-example-update.json",
					"TestScript-testscript-example.json");
		LoadedTestScript history = this.loader.load(scripts.get(0));
		assertThat(history.id()).isEqualTo("testscript-example-history");
		assertThat(history.source()).hasToString(tgz + "!/TestScript-testscript-example-history.json");
	}

	@Test
	void shouldReportAPathThatDoesNotExist(@TempDir Path folder) {
		Path missing = folder.resolve("missing");
		assertThatThrownBy(() -> this.loader.findScripts(List.of(missing)))
			.hasMessage("CTN-1001: expected a TestScript file or a folder, but " + missing + " does not exist");
	}

	@Test
	void shouldFindOnlyTestScriptsInFoldersAndDetectTheirVersion(@TempDir Path folder) throws Exception {
		Files.writeString(folder.resolve("a.json"),
				"{\"resourceType\":\"TestScript\",\"name\":\"a\",\"status\":\"active\"}");
		Files.writeString(folder.resolve("b.json"),
				"{\"resourceType\":\"TestScript\",\"name\":\"b\",\"status\":\"active\","
						+ "\"scope\":[{\"artifact\":\"http://example.org/CapabilityStatement/x\"}]}");
		Files.writeString(folder.resolve("patient.json"), "{\"resourceType\":\"Patient\"}");
		List<Path> scripts = this.loader.findScripts(List.of(folder));
		assertThat(scripts).containsExactly(folder.resolve("a.json"), folder.resolve("b.json"));
		assertThat(this.loader.load(scripts.get(0)).version()).isEqualTo(FhirVersion.R4);
		assertThat(this.loader.load(scripts.get(1)).version()).isEqualTo(FhirVersion.R5);
		assertThat(this.loader.load(scripts.get(0)).id()).isEqualTo("a");
	}

}
