package org.connectathon.engine.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.connectathon.engine.TestPackages;
import org.hl7.fhir.utilities.json.model.JsonElement;
import org.hl7.fhir.utilities.json.model.JsonObject;
import org.hl7.fhir.utilities.json.parser.JsonParser;

/**
 * The official IPS examples and deliberately broken variants of the minimal IPS Bundle,
 * edited as plain JSON (a FHIR model round trip would change more than the one thing
 * broken) and pretty-printed so that issues have distinct lines.
 */
public final class IpsVariants {

	private static final String PROBLEMS_SECTION = "11450-4";

	private IpsVariants() {
	}

	public static String example(String fileName) {
		TestPackages.ips();
		try {
			return Files.readString(TestPackages.cache()
				.directory()
				.resolve("hl7.fhir.uv.ips#2.0.0")
				.resolve("package")
				.resolve("example")
				.resolve(fileName));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String minimalBundle() {
		return JsonParser.compose(bundle(), true);
	}

	public static String withoutComposition() {
		JsonObject bundle = bundle();
		bundle.getJsonArray("entry").remove(bundle.getJsonArray("entry").get(0));
		return JsonParser.compose(bundle, true);
	}

	public static String withoutProblemsSection() {
		JsonObject bundle = bundle();
		composition(bundle).getJsonArray("section").remove(problemsSection(bundle));
		return JsonParser.compose(bundle, true);
	}

	public static String withoutSubject() {
		JsonObject bundle = bundle();
		composition(bundle).remove("subject");
		return JsonParser.compose(bundle, true);
	}

	public static String withProblemsSectionCode(String loincCode) {
		JsonObject bundle = bundle();
		JsonObject coding = problemsSection(bundle).getJsonObject("code").getJsonArray("coding").get(0).asJsonObject();
		coding.set("code", loincCode);
		coding.remove("display");
		return JsonParser.compose(bundle, true);
	}

	public static String withCompositionDate(String date) {
		JsonObject bundle = bundle();
		composition(bundle).set("date", date);
		return JsonParser.compose(bundle, true);
	}

	public static String withCompositionExtension(String url) {
		JsonObject bundle = bundle();
		JsonObject extension = new JsonObject().add("url", url).add("valueString", "not defined anywhere");
		composition(bundle).forceArray(1, "extension").add(extension);
		return JsonParser.compose(bundle, true);
	}

	private static JsonObject bundle() {
		try {
			return JsonParser.parseObject(example("Bundle-bundle-minimal.json"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static JsonObject composition(JsonObject bundle) {
		return bundle.getJsonArray("entry").get(0).asJsonObject().getJsonObject("resource");
	}

	private static JsonObject problemsSection(JsonObject bundle) {
		for (JsonElement section : composition(bundle).getJsonArray("section").getItems()) {
			JsonObject coding = section.asJsonObject()
				.getJsonObject("code")
				.getJsonArray("coding")
				.get(0)
				.asJsonObject();
			if (PROBLEMS_SECTION.equals(coding.asString("code"))) {
				return section.asJsonObject();
			}
		}
		throw new IllegalStateException("The minimal IPS Bundle no longer has a problems section");
	}

}
