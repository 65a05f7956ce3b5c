package org.connectathon.engine.testscript;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.model.TestScript;

/**
 * Reads TestScripts in JSON or XML and finds the scripts in folders and in FHIR packages
 * ({@code .tgz}, as {@code npm pack} fetches them). The FHIR release is detected by
 * parsing strictly as R4 first, then as R5: a script that uses only elements and codes
 * both releases share runs as R4. Fixtures are resolved when the script is loaded:
 * contained ({@code #id}), an absolute URL (fetched), or a path relative to the script's
 * folder, tried as given, with {@code .json} and {@code .xml}, and as a package file name
 * ({@code Patient/example} as {@code Patient-example.json}).
 */
public final class TestScriptLoader {

	private static final Pattern JSON_TESTSCRIPT = Pattern.compile("\"resourceType\"\\s*:\\s*\"TestScript\"");

	private static final Pattern XML_TESTSCRIPT = Pattern.compile("<TestScript[\\s>]");

	/**
	 * Folders this loader unpacked, with the package each came from, to name scripts by
	 * their package.
	 */
	private final Map<Path, Path> unpackedPackages = new java.util.concurrent.ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	/**
	 * The script files among the given paths: files as given, and the JSON and XML files
	 * holding a TestScript anywhere under the folders, sorted by path.
	 * @throws TestScriptLoadException when a path does not exist
	 */
	public List<Path> findScripts(List<Path> paths) {
		Objects.requireNonNull(paths, "paths");
		List<Path> scripts = new ArrayList<>();
		for (Path path : paths) {
			if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".tgz")) {
				Path folder = unpack(path);
				this.unpackedPackages.put(folder, path);
				scripts.addAll(findScripts(List.of(folder)));
			}
			else if (Files.isRegularFile(path)) {
				scripts.add(path);
			}
			else if (Files.isDirectory(path)) {
				try (Stream<Path> walk = Files.walk(path)) {
					walk.filter(Files::isRegularFile)
						.filter(TestScriptLoader::holdsTestScript)
						.sorted()
						.forEach(scripts::add);
				}
				catch (IOException ex) {
					throw new TestScriptLoadException("CTN-1001: cannot read folder " + path + ": " + ex.getMessage(),
							ex);
				}
			}
			else {
				throw new TestScriptLoadException(
						"CTN-1001: expected a TestScript file or a folder, but " + path + " does not exist");
			}
		}
		return scripts;
	}

	/**
	 * Unpacks the {@code package} folder of a FHIR package (npm {@code .tgz}) into a
	 * temporary folder, so that its scripts and their fixtures can be read like any other
	 * files.
	 */
	private static Path unpack(Path tgz) {
		try (java.io.InputStream in = Files.newInputStream(tgz)) {
			org.hl7.fhir.utilities.npm.NpmPackage npm = org.hl7.fhir.utilities.npm.NpmPackage.fromPackage(in);
			Path folder = Files.createTempDirectory("connectathon-package");
			for (String name : npm.list("package")) {
				try (java.io.InputStream file = npm.load("package", name)) {
					Files.copy(file, folder.resolve(name));
				}
			}
			return folder;
		}
		catch (IOException | RuntimeException ex) {
			throw new TestScriptLoadException("CTN-1007: expected a FHIR package (npm .tgz) in " + tgz
					+ ", but it cannot " + "be read: " + ex.getMessage(), ex);
		}
	}

	private static boolean holdsTestScript(Path file) {
		String name = file.getFileName().toString();
		if (!name.endsWith(".json") && !name.endsWith(".xml")) {
			return false;
		}
		try {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			return name.endsWith(".json") ? JSON_TESTSCRIPT.matcher(text).find() : XML_TESTSCRIPT.matcher(text).find();
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			return false;
		}
	}

	/**
	 * Reads one script and its fixtures.
	 * @throws TestScriptLoadException with the reason and place when the file cannot be
	 * used
	 */
	public LoadedTestScript load(Path file) {
		Objects.requireNonNull(file, "file");
		return parse(file, read(file), file.toAbsolutePath().getParent());
	}

	/**
	 * Reads one script given as text, such as one kept in a database. It has no folder,
	 * so its fixtures must be contained in it ({@code #id}); a fixture given as a path or
	 * a URL is refused, so that loading never reads a file or calls a server.
	 * @param name names the script in messages and in its result, such as its file name
	 * @throws TestScriptLoadException with the reason and place when the text cannot be
	 * used
	 */
	public LoadedTestScript load(String name, String text) {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(text, "text");
		return parse(Path.of(name), text, null);
	}

	/**
	 * @param folder where relative fixtures are read from; null for none
	 */
	private LoadedTestScript parse(Path file, String text, Path folder) {
		if (text.isBlank()) {
			throw new TestScriptLoadException("CTN-1003: expected JSON or XML in " + file + ", but it is empty");
		}
		boolean xml = text.stripLeading().startsWith("<");
		if (!xml && !text.stripLeading().startsWith("{")) {
			throw new TestScriptLoadException("CTN-1003: expected JSON or XML in " + file + ", but it starts with '"
					+ text.stripLeading().substring(0, Math.min(20, text.stripLeading().length())) + "'");
		}
		IBaseResource r4;
		try {
			r4 = strictParser(FhirVersion.R4, xml).parseResource(text);
		}
		catch (DataFormatException r4Failure) {
			IBaseResource r5;
			try {
				r5 = strictParser(FhirVersion.R5, xml).parseResource(text);
			}
			catch (DataFormatException r5Failure) {
				throw new TestScriptLoadException(
						"CTN-1003: " + file + " is not a valid R4 or R5 resource. As R4: " + clean(r4Failure)
								+ (clean(r5Failure).equals(clean(r4Failure)) ? "" : " As R5: " + clean(r5Failure)),
						r4Failure);
			}
			return fromR5(file, folder, requireTestScript(file, r5));
		}
		return fromR4(file, folder, (org.hl7.fhir.r4.model.TestScript) requireTestScript(file, r4));
	}

	private LoadedTestScript fromR4(Path file, Path folder, org.hl7.fhir.r4.model.TestScript original) {
		TestScript script = (TestScript) VersionConvertorFactory_40_50.convertResource(original);
		Map<String, String> profiles = new HashMap<>();
		for (org.hl7.fhir.r4.model.Reference profile : original.getProfile()) {
			if (profile.getId() != null && profile.hasReference()) {
				profiles.put(profile.getId(), profile.getReference());
			}
		}
		Map<String, IBaseResource> contained = new HashMap<>();
		original.getContained().forEach(resource -> contained.put(resource.getIdElement().getIdPart(), resource));
		return new LoadedTestScript(file, source(file), FhirVersion.R4, script,
				fixtures(file, folder, FhirVersion.R4, script, contained), profiles);
	}

	private LoadedTestScript fromR5(Path file, Path folder, IBaseResource resource) {
		TestScript script = (TestScript) resource;
		Map<String, String> profiles = new HashMap<>();
		script.getProfile().forEach(profile -> {
			if (profile.getId() != null && profile.hasValue()) {
				profiles.put(profile.getId(), profile.getValue());
			}
		});
		Map<String, IBaseResource> contained = new HashMap<>();
		script.getContained().forEach(r -> contained.put(r.getIdElement().getIdPart(), r));
		return new LoadedTestScript(file, source(file), FhirVersion.R5, script,
				fixtures(file, folder, FhirVersion.R5, script, contained), profiles);
	}

	/**
	 * The script's file, or {@code package.tgz!/file} for a script found in a package.
	 */
	private Path source(Path file) {
		Path folder = file.toAbsolutePath().getParent();
		Path tgz = this.unpackedPackages.get(folder);
		return tgz == null ? file : Path.of(tgz + "!", file.getFileName().toString());
	}

	private Map<String, Fixture> fixtures(Path file, Path folder, FhirVersion version, TestScript script,
			Map<String, IBaseResource> contained) {
		Map<String, Fixture> fixtures = new LinkedHashMap<>();
		for (TestScript.TestScriptFixtureComponent fixture : script.getFixture()) {
			String id = fixture.getId();
			if (id == null) {
				throw new TestScriptLoadException("CTN-1004: every fixture needs an id, but fixture "
						+ (fixtures.size() + 1) + " of " + file + " has none");
			}
			if (!fixture.hasResource() || !fixture.getResource().hasReference()) {
				continue;
			}
			String reference = fixture.getResource().getReference();
			fixtures.put(id, resolve(file, folder, version, id, reference, contained));
		}
		return fixtures;
	}

	private Fixture resolve(Path file, Path folder, FhirVersion version, String id, String reference,
			Map<String, IBaseResource> contained) {
		FhirContext context = version.fhirContext();
		if (reference.startsWith("#")) {
			IBaseResource resource = contained.get(reference.substring(1));
			if (resource == null) {
				throw new TestScriptLoadException("CTN-1004: fixture " + id + " of " + file + " refers to contained "
						+ reference + ", but the script contains no resource with that id");
			}
			return new Fixture(context.newJsonParser().encodeResourceToString(resource), false, Map.of(), version);
		}
		if (folder == null) {
			throw new TestScriptLoadException("CTN-1008: fixture " + id + " of " + file + " refers to " + reference
					+ ", expected a contained resource (#id): a script given alone has no folder to read it from");
		}
		if (reference.startsWith("http://") || reference.startsWith("https://")) {
			return fetch(file, version, id, reference);
		}
		List<Path> candidates = List.of(folder.resolve(reference), folder.resolve(reference + ".json"),
				folder.resolve(reference + ".xml"), folder.resolve(reference.replace('/', '-') + ".json"),
				folder.resolve(reference.replace('/', '-') + ".xml"));
		for (Path candidate : candidates) {
			if (Files.isRegularFile(candidate)) {
				String body = read(candidate);
				Fixture fixture = Fixture.of(body, null, Map.of(), version);
				try {
					// a JSON Patch document is a fixture too, but not a resource; a
					// fixture
					// with variables (a date ${DATE, T, D, -5}) is one once they are
					// filled
					if (!body.stripLeading().startsWith("[") && !body.contains("${")) {
						fixture.resource();
					}
				}
				catch (DataFormatException ex) {
					// scripts are written in R5 for R4 servers: a fixture of the servers'
					// release is read in it when a run meets such a server
					if (!isResourceOfAnotherRelease(body, version)) {
						throw new TestScriptLoadException(
								"CTN-1006: fixture " + id + " of " + file + " (" + candidate + ") is not a FHIR "
										+ version + " resource, nor a valid resource of another release: " + clean(ex),
								ex);
					}
				}
				return fixture;
			}
		}
		throw new TestScriptLoadException("CTN-1004: fixture " + id + " of " + file + " refers to " + reference
				+ ", expected a file at one of " + candidates + ", found none");
	}

	private Fixture fetch(Path file, FhirVersion version, String id, String url) {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Accept", "application/fhir+json")
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new TestScriptLoadException("CTN-1005: fixture " + id + " of " + file + ": expected 200 from GET "
						+ url + ", got " + response.statusCode());
			}
			return Fixture.of(response.body(), response.headers().firstValue("Content-Type").orElse(null), Map.of(),
					version);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new TestScriptLoadException(
					"CTN-1005: fixture " + id + " of " + file + ": cannot GET " + url + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TestScriptLoadException("CTN-1005: interrupted while fetching " + url, ex);
		}
	}

	private static IBaseResource requireTestScript(Path file, IBaseResource resource) {
		String type = resource.fhirType();
		if (!"TestScript".equals(type)) {
			throw new TestScriptLoadException("CTN-1002: expected a TestScript in " + file + ", found a " + type);
		}
		return resource;
	}

	/** Whether the text is a valid resource of a release other than {@code version}. */
	private static boolean isResourceOfAnotherRelease(String text, FhirVersion version) {
		boolean xml = text.stripLeading().startsWith("<");
		for (FhirVersion other : FhirVersion.values()) {
			if (other != version) {
				try {
					strictParser(other, xml).parseResource(text);
					return true;
				}
				catch (DataFormatException notOfThisRelease) {
					// try the next
				}
			}
		}
		return false;
	}

	private static IParser strictParser(FhirVersion version, boolean xml) {
		IParser parser = xml ? version.fhirContext().newXmlParser() : version.fhirContext().newJsonParser();
		parser.setParserErrorHandler(new StrictErrorHandler());
		return parser;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new TestScriptLoadException("CTN-1001: cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** HAPI's message without its own code, which means nothing to a script author. */
	static String clean(Exception ex) {
		String message = Objects.requireNonNullElse(ex.getMessage(), ex.getClass().getSimpleName());
		return message.replaceFirst("^HAPI-\\d+: ", "").replaceAll("HAPI-\\d+: ", "").replace('\n', ' ');
	}

}
