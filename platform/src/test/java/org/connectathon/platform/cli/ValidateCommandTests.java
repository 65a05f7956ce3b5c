package org.connectathon.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.connectathon.engine.packages.PackageCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class ValidateCommandTests {

	private static final Path PACKAGE_CACHE = Path.of("target", "test-package-cache");

	private static final Path EXAMPLES = PACKAGE_CACHE.resolve("hl7.fhir.uv.ips#2.0.0")
		.resolve("package")
		.resolve("example");

	@TempDir
	Path folder;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeAll
	static void installIps() {
		new PackageCache(PACKAGE_CACHE, List.of()).install(testPackage("hl7.fhir.uv.ips-2.0.0.tgz"));
	}

	@Test
	void officialIpsExamplesHaveNoErrors() {
		int exitCode = validate(EXAMPLES.toString());

		assertThat(exitCode).as(err.toString()).isZero();
		assertThat(out.toString()).contains("44 files: 44 valid, 0 with errors; 0 errors");
		assertThat(err.toString()).contains("warning: CTN-2011: hl7.fhir.uv.ipa#1.1.0").contains("Validator ready in");
	}

	@Test
	void brokenVariantsFailWithEachErrorItsLocationAndPosition() throws IOException {
		String bundle = Files.readString(EXAMPLES.resolve("Bundle-bundle-minimal.json"));
		Path badDate = Files.writeString(folder.resolve("bad-date.json"),
				bundle.replaceFirst("\"date\":\"2020-12-11T14:30:00\\+01:00\"", "\"date\":\"2020-13-45\""));
		Path unknownExtension = Files.writeString(folder.resolve("unknown-extension.json"), bundle
			.replaceFirst("\"resourceType\":\"Composition\",", "\"resourceType\":\"Composition\",\"extension\":"
					+ "[{\"url\":\"http://example.org/fhir/StructureDefinition/unknown\",\"valueString\":\"x\"}],"));
		Path malformed = Files.writeString(folder.resolve("malformed.json"),
				"{\n  \"resourceType\": \"Patient\",\n  \"active\": true,,\n}");
		Path outcome = folder.resolve("outcome.json");
		Path junit = folder.resolve("junit");

		int exitCode = validate("--out", outcome.toString(), "--junit", junit.toString(), "--parallel", "2",
				badDate.toString(), unknownExtension.toString(), malformed.toString());

		assertThat(exitCode).as(err.toString()).isEqualTo(1);
		assertThat(out.toString()).contains("FAIL " + badDate + ": 2 errors")
			.contains("error Bundle.entry[0].resource.date (line 1, column ")
			.contains("2020-13-45")
			.contains("FAIL " + unknownExtension)
			.contains("error Bundle.entry[0].resource.extension[0] (line 1, column ")
			.contains("http://example.org/fhir/StructureDefinition/unknown")
			.contains("FAIL " + malformed + ": 1 error")
			.contains("fatal (line 3, column 18): CTN-2021: expected well-formed JSON, but at line 3, column 18")
			.contains("3 files: 0 valid, 3 with errors");
		assertThat(Files.readString(outcome)).contains("\"resourceType\": \"Bundle\"")
			.contains("\"resourceType\": \"OperationOutcome\"")
			.contains("http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line")
			.contains("\"expression\": [ \"Bundle.entry[0].resource.date\" ]");
		assertThat(Files.readString(junit.resolve("TEST-connectathon-validate.xml"))).contains("tests=\"3\"")
			.contains("failures=\"3\"")
			.contains("<failure type=\"validation\"");
	}

	@Test
	void singleInputGivesOneOperationOutcome() throws IOException {
		Path outcome = folder.resolve("outcome.json");

		int exitCode = validate("--out", outcome.toString(), EXAMPLES.resolve("Patient-66033.json").toString());

		assertThat(exitCode).as(err.toString()).isZero();
		assertThat(Files.readString(outcome)).startsWith("{\n  \"resourceType\": \"OperationOutcome\"");
	}

	@Test
	void missingFileIsAUsageError() {
		int exitCode = validate(folder.resolve("missing.json").toString());

		assertThat(exitCode).isEqualTo(2);
		assertThat(err.toString()).contains("error: expected a file or folder to validate, but ")
			.contains("missing.json does not exist")
			.doesNotContain("Exception");
	}

	@Test
	void packageThatCannotBeHadIsAUsageError() {
		int exitCode = run("validate", "--packages", folder.toString(), "--ig", "hl7.fhir.uv.ips#9.9.9",
				EXAMPLES.resolve("Patient-66033.json").toString());

		assertThat(exitCode).isEqualTo(2);
		assertThat(err.toString()).contains("error: CTN-2003: expected hl7.fhir.uv.ips#9.9.9 in the package cache");
	}

	@Test
	void unknownProfileIsAUsageError() {
		int exitCode = validate("--profile", "http://example.org/fhir/StructureDefinition/none",
				EXAMPLES.resolve("Patient-66033.json").toString());

		assertThat(exitCode).isEqualTo(2);
		assertThat(err.toString()).contains("error: CTN-2023: expected --profile to name a profile of the packages or "
				+ "of FHIR, but http://example.org/fhir/StructureDefinition/none is unknown");
	}

	@Test
	void parallelismBelowOneIsAUsageError() {
		int exitCode = validate("--parallel", "0", EXAMPLES.resolve("Patient-66033.json").toString());

		assertThat(exitCode).isEqualTo(2);
		assertThat(err.toString()).contains("error: --parallel expects a number of threads of at least 1, but got 0");
	}

	private int validate(String... arguments) {
		List<String> command = new ArrayList<>(List.of("validate", "--packages", PACKAGE_CACHE.toString(), "--ig",
				testPackage("hl7.fhir.uv.ips-2.0.0.tgz").toString(), "--ig",
				testPackage("hl7.terminology.r4-7.0.1.tgz").toString(), "--ig",
				testPackage("hl7.fhir.uv.extensions.r4-5.3.0-ballot-tc1.tgz").toString()));
		command.addAll(List.of(arguments));
		return run(command.toArray(String[]::new));
	}

	private int run(String... arguments) {
		CommandLine commandLine = ConnectathonCommand.commandLine(arguments);
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		return commandLine.execute(arguments);
	}

	private static Path testPackage(String fileName) {
		String folder = System.getProperty("connectathon.test-packages");
		Path packages = folder != null ? Path.of(folder)
				: Path.of(System.getProperty("user.home"), ".cache", "connectathon", "fhir-packages");
		return packages.resolve(fileName);
	}

}
