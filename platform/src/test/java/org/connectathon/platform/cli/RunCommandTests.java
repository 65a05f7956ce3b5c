package org.connectathon.platform.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.connectathon.platform.ReferenceServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTests {

	@RegisterExtension
	static final ReferenceServerExtension server = new ReferenceServerExtension();

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private int execute(String... args) {
		CommandLine commandLine = ConnectathonCommand.commandLine();
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(this.err, true));
		return commandLine.execute(args);
	}

	private static Path script(Path folder, String id, String resource) throws Exception {
		Path file = folder.resolve(id + ".json");
		Files.writeString(file,
				"""
						{"resourceType":"TestScript","id":"ID","name":"Capabilities","status":"active",
						 "test":[{"name":"capabilities","action":[
						  {"operation":{"type":{"system":"http://terminology.hl7.org/CodeSystem/testscript-operation-codes","code":"capabilities"},"encodeRequestUrl":true}},
						  {"assert":{"resource":"RESOURCE","warningOnly":false}}]}]}"""
					.replace("ID", id)
					.replace("RESOURCE", resource));
		return file;
	}

	@Test
	void shouldExitZeroAndWriteReportsWhenEveryScriptPasses(@TempDir Path folder) throws Exception {
		script(folder, "passing", "CapabilityStatement");
		int exitCode = execute("run", "--server", server.baseUrl(), "--out", folder.resolve("out").toString(),
				"--junit", folder.resolve("junit").toString(), "--parallel", "2", folder.toString());
		assertThat(exitCode).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("PASS  passing").contains("1 of 1 scripts passed");
		assertThat(folder.resolve("out/passing.testreport.json")).content().contains("\"result\": \"pass\"");
		assertThat(folder.resolve("out/summary.json")).content().contains("\"id\" : \"passing\"");
		assertThat(folder.resolve("junit/TEST-passing.xml")).exists();
	}

	@Test
	void shouldExitOneWhenAScriptFails(@TempDir Path folder) throws Exception {
		Path failing = script(folder, "failing", "Patient");
		assertThat(execute("run", "--server", server.baseUrl(), failing.toString())).isEqualTo(1);
		assertThat(this.out.toString()).contains("FAIL  failing")
			.contains("expected resource type to equal 'Patient', found 'CapabilityStatement'");
	}

	@Test
	void shouldExitTwoWithThePlaceOfTheProblemForAScriptThatCannotBeLoaded(@TempDir Path folder) throws Exception {
		Path broken = folder.resolve("broken.json");
		Files.writeString(broken, "{\"resourceType\":\"TestScript\",\n\"name\":}");
		assertThat(execute("run", "--server", server.baseUrl(), broken.toString())).isEqualTo(2);
		assertThat(this.err.toString()).startsWith("error: CTN-1003: " + broken)
			.contains("line: 2")
			.doesNotContain("\tat ");
	}

	@Test
	void shouldExitTwoForAServerThatIsNotAUrl(@TempDir Path folder) throws Exception {
		Path passing = script(folder, "passing", "CapabilityStatement");
		assertThat(execute("run", "--server", "localhost:8090", passing.toString())).isEqualTo(2);
		assertThat(this.err.toString().trim()).isEqualTo(
				"error: --server expects an http(s) URL such as http://localhost:8090/fhir, got 'localhost:8090'");
	}

	@Test
	void shouldExitTwoForAPathThatDoesNotExist(@TempDir Path folder) {
		Path missing = folder.resolve("missing");
		assertThat(execute("run", "--server", server.baseUrl(), missing.toString())).isEqualTo(2);
		assertThat(this.err.toString().trim())
			.isEqualTo("error: CTN-1001: expected a TestScript file or a folder, but " + missing + " does not exist");
	}

	@Test
	void shouldExitTwoWhenTheReportFolderCannotBeWritten(@TempDir Path folder) throws Exception {
		Path passing = script(folder, "passing", "CapabilityStatement");
		Path notAFolder = Files.writeString(folder.resolve("file.txt"), "x");
		assertThat(execute("run", "--server", server.baseUrl(), "--out", notAFolder.toString(), passing.toString()))
			.isEqualTo(2);
		assertThat(this.err.toString()).startsWith("error: CTN-4001: cannot write reports to " + notAFolder);
	}

	@Test
	void shouldSendDestinationsAndVariablesGivenOnTheCommandLine(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("destination.json");
		Files.writeString(file,
				"""
						{"resourceType":"TestScript","id":"destination","name":"Destination","status":"active",
						 "variable":[{"name":"wanted","hint":"a format"}],
						 "test":[{"name":"capabilities","action":[
						  {"operation":{"type":{"system":"http://terminology.hl7.org/CodeSystem/testscript-operation-codes","code":"capabilities"},"destination":2,"encodeRequestUrl":true}},
						  {"assert":{"requestURL":"http://127.0.0.1:","operator":"contains","warningOnly":false}},
						  {"assert":{"headerField":"Content-Type","operator":"contains","value":"${wanted}","warningOnly":false}}]}]}""");
		String secondDestination = server.baseUrl().replace("localhost", "127.0.0.1");
		assertThat(execute("run", "--server", server.baseUrl(), "--destination", "2=" + secondDestination, "--variable",
				"wanted=json", file.toString()))
			.as(this.out.toString())
			.isZero();
	}

	@Test
	void shouldStopBeforeAnyScriptWhenAnImplementationGuideCannotBeHad(@TempDir Path folder) throws Exception {
		Path passing = script(folder, "passing", "CapabilityStatement");
		assertThat(execute("run", "--server", server.baseUrl(), "--packages", folder.resolve("cache").toString(),
				"--ig", "hl7.fhir.uv.nothing#1.0.0", passing.toString()))
			.isEqualTo(2);
		assertThat(this.err.toString())
			.startsWith("error: CTN-2003: expected hl7.fhir.uv.nothing#1.0.0 in the package cache");
		assertThat(this.out.toString()).doesNotContain("PASS");
	}

	@Test
	void shouldRefuseAnUnknownFhirVersionForTheReferenceServer() {
		assertThat(execute("reference-server", "--fhir-version", "r3")).isEqualTo(2);
		assertThat(this.err.toString().trim()).isEqualTo("error: --fhir-version expects r4, r4b or r5, got 'r3'");
	}

	@Test
	void shouldJudgeTheServersAnswersInTheReleaseOfItsCapabilityStatementUnlessOneIsGiven(@TempDir Path folder)
			throws Exception {
		Path passing = script(folder, "passing", "CapabilityStatement");
		Path out = folder.resolve("out");

		assertThat(execute("run", "--server", server.baseUrl(), passing.toString())).isZero();
		assertThat(this.out.toString()).contains("PASS  passing (" + passing + ", R4, server R4)");
		assertThat(execute("run", "--server", server.baseUrl(), "--fhir-version", "r4b", "--out", out.toString(),
				passing.toString()))
			.isZero();
		assertThat(this.out.toString()).contains("PASS  passing (" + passing + ", R4, server R4B)");
		assertThat(out.resolve("summary.json")).content()
			.contains("\"serverFhirVersion\" : {", "\"fhirVersion\" : \"R4B\"", "\"source\" : \"GIVEN\"");
		assertThat(out.resolve("passing.testreport.json")).content()
			.contains("urn:connectathon:extension:fhir-releases", "\"valueCode\": \"R4B\"");
	}

	@Test
	void shouldRefuseAnUnknownFhirVersionToRunScripts(@TempDir Path folder) throws Exception {
		Path passing = script(folder, "passing", "CapabilityStatement");
		assertThat(execute("run", "--server", server.baseUrl(), "--fhir-version", "R6", passing.toString()))
			.isEqualTo(2);
		assertThat(this.err.toString().trim()).isEqualTo("error: --fhir-version expects R4, R4B or R5, got 'R6'");
	}

	@Test
	void shouldRefuseAPortThatIsTaken() {
		assertThat(execute("reference-server", "--port", Integer.toString(server.port()))).isEqualTo(2);
		assertThat(this.err.toString()).startsWith("error: CTN-5004: the reference server cannot");
	}

}
