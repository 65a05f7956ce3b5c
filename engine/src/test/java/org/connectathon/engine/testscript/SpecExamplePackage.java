package org.connectathon.engine.testscript;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * Copies the R4 specification's example TestScripts and their fixtures out of the npm
 * package the build fetched.
 */
final class SpecExamplePackage {

	private SpecExamplePackage() {
	}

	static Path extractTo(Path folder) throws IOException {
		Path tgz = Path.of(
				System.getProperty("connectathon.test-packages",
						System.getProperty("user.home") + "/.cache/connectathon/fhir-packages"),
				"hl7.fhir.r4.examples-4.0.1.tgz");
		try (InputStream in = Files.newInputStream(tgz)) {
			NpmPackage npm = NpmPackage.fromPackage(in);
			for (String name : npm.list("package")) {
				if (name.startsWith("TestScript-testscript-example") || name.equals("Patient-example.json")
						|| name.equals("Patient-pat1.json")) {
					try (InputStream file = npm.load("package", name)) {
						Files.copy(file, folder.resolve(name));
					}
				}
			}
		}
		return folder;
	}

}
