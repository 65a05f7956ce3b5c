package org.connectathon.platform.validation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.connectathon.engine.packages.PackageCache;
import org.connectathon.engine.packages.PackageReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installing an implementation guide from a real HTTP server that answers as the npm
 * registry does ({@code /NAME} lists the versions, {@code /NAME/VERSION} names the
 * tarball), and from one that cannot be reached.
 */
class PackageInstallationTests {

	private static final PackageReference GUIDE = new PackageReference("example.demo.guide", "1.0.0");

	private static final PackageReference BASE = new PackageReference("example.demo.base", "2.0.0");

	@TempDir
	Path cacheDirectory;

	private final ByteArrayOutputStream console = new ByteArrayOutputStream();

	private final AtomicInteger requests = new AtomicInteger();

	private final CountDownLatch released = new CountDownLatch(1);

	private volatile boolean holdTarballs;

	private HttpServer registry;

	@BeforeEach
	void startRegistry() throws IOException {
		Map<String, byte[]> tarballs = new ConcurrentHashMap<>();
		tarballs.put(GUIDE.name(), tarball(GUIDE, "\"example.demo.base\": \"2.0.0\", \"hl7.fhir.r4.core\": \"4.0.1\""));
		tarballs.put(BASE.name(), tarball(BASE, ""));
		this.registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.registry.createContext("/npm/", (exchange) -> answer(exchange, tarballs));
		this.registry.start();
	}

	@AfterEach
	void stopRegistry() {
		this.released.countDown();
		this.registry.stop(0);
	}

	@Test
	void shouldInstallTheGuideAndItsDependenciesFromTheRegistryWithProgressLines() throws Exception {
		PackageInstallation installation = new PackageInstallation(this.cacheDirectory, registryAddress(),
				new PrintStream(this.console, true, StandardCharsets.UTF_8));

		boolean installed = installation.start(List.of(GUIDE)).get(30, TimeUnit.SECONDS);

		assertThat(installed).isTrue();
		PackageCache cache = new PackageCache(this.cacheDirectory, List.of());
		assertThat(cache.versionsOf(GUIDE.name())).containsExactly("1.0.0");
		assertThat(cache.versionsOf(BASE.name())).as("the guide's dependency").containsExactly("2.0.0");
		assertThat(consoleLines()).hasSize(4)
			.first()
			.asString()
			.startsWith("Installing example.demo.guide#1.0.0 into the package cache from " + registryAddress());
		assertThat(consoleLines()).contains("  example.demo.guide#1.0.0 downloaded; now its dependencies...",
				"  example.demo.base#2.0.0 downloaded");
		assertThat(consoleLines().get(3)).startsWith("example.demo.guide#1.0.0 ready to validate with (");
		assertThat(installation.installing()).isEmpty();
		assertThat(installation.failure()).isEmpty();
	}

	@Test
	void shouldNotAskTheRegistryForAGuideAlreadyInTheCache() throws Exception {
		new PackageInstallation(this.cacheDirectory, registryAddress(),
				new PrintStream(OutputStream.nullOutputStream()))
			.start(List.of(GUIDE))
			.get(30, TimeUnit.SECONDS);
		int requestsOfTheFirstStart = this.requests.get();

		boolean installed = new PackageInstallation(this.cacheDirectory, registryAddress(),
				new PrintStream(this.console, true, StandardCharsets.UTF_8))
			.start(List.of(GUIDE))
			.get(1, TimeUnit.SECONDS);

		assertThat(installed).isTrue();
		assertThat(this.requests.get()).isEqualTo(requestsOfTheFirstStart);
		assertThat(this.console.toString(StandardCharsets.UTF_8)).as("nothing to say on later starts").isEmpty();
	}

	@Test
	void shouldSayInOneLineHowToAddTheGuideWhenTheRegistryCannotBeReached() throws Exception {
		URI unreachable;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			unreachable = URI.create("http://127.0.0.1:" + closed.getLocalPort() + "/npm");
		}
		PackageInstallation installation = new PackageInstallation(this.cacheDirectory, unreachable,
				new PrintStream(this.console, true, StandardCharsets.UTF_8));

		boolean installed = installation.start(List.of(GUIDE)).get(60, TimeUnit.SECONDS);

		assertThat(installed).isFalse();
		assertThat(consoleLines()).hasSize(2);
		assertThat(consoleLines().get(1)).startsWith("Could not install example.demo.guide#1.0.0 from " + unreachable)
			.contains("the platform works without it", "POST /api/packages", "npm pack example.demo.guide@1.0.0");
		assertThat(installation.failure()).contains(consoleLines().get(1));
		assertThat(installation.installing()).isEmpty();
		assertThat(new PackageCache(this.cacheDirectory, List.of()).versionsOf(GUIDE.name())).isEmpty();
	}

	@Test
	void shouldSayWhichGuidesAreBeingInstalledWhileTheDownloadRuns() throws Exception {
		this.holdTarballs = true;
		PackageInstallation installation = new PackageInstallation(this.cacheDirectory, registryAddress(),
				new PrintStream(OutputStream.nullOutputStream()));

		var installed = installation.start(List.of(GUIDE));

		assertThat(installation.installing()).containsExactly("example.demo.guide#1.0.0");
		this.released.countDown();
		assertThat(installed.get(30, TimeUnit.SECONDS)).isTrue();
		assertThat(installation.installing()).isEmpty();
	}

	private URI registryAddress() {
		return URI.create("http://127.0.0.1:" + this.registry.getAddress().getPort() + "/npm");
	}

	private List<String> consoleLines() {
		return this.console.toString(StandardCharsets.UTF_8).lines().toList();
	}

	private void answer(HttpExchange exchange, Map<String, byte[]> tarballs) throws IOException {
		this.requests.incrementAndGet();
		String[] path = exchange.getRequestURI().getPath().substring("/npm/".length()).split("/");
		String name = path[0];
		String base = registryAddress() + "/" + name;
		byte[] body;
		String contentType = "application/json";
		if (!tarballs.containsKey(name)) {
			body = "{\"error\":\"Not found\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(404, body.length);
		}
		else if (path.length == 3 && path[1].equals("-")) {
			awaitRelease();
			body = tarballs.get(name);
			contentType = "application/octet-stream";
			exchange.getResponseHeaders().add("Content-Type", contentType);
			exchange.sendResponseHeaders(200, body.length);
		}
		else {
			String version = name.equals(GUIDE.name()) ? GUIDE.version() : BASE.version();
			String versionDocument = "{\"name\":\"" + name + "\",\"version\":\"" + version
					+ "\",\"dist\":{\"tarball\":\"" + base + "/-/" + name + "-" + version + ".tgz\"}}";
			String json = (path.length == 2) ? versionDocument
					: "{\"name\":\"" + name + "\",\"dist-tags\":{\"latest\":\"" + version + "\"},\"versions\":{\""
							+ version + "\":" + versionDocument + "}}";
			body = json.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", contentType);
			exchange.sendResponseHeaders(200, body.length);
		}
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private void awaitRelease() {
		if (this.holdTarballs) {
			try {
				this.released.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** A FHIR package as npm serves it: a gzipped tar of {@code package/package.json}. */
	private static byte[] tarball(PackageReference reference, String dependencies) throws IOException {
		String manifest = "{\"name\":\"" + reference.name() + "\",\"version\":\"" + reference.version()
				+ "\",\"fhirVersions\":[\"4.0.1\"],\"type\":\"fhir.ig\",\"dependencies\":{" + dependencies + "}}";
		byte[] content = manifest.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
			TarArchiveEntry entry = new TarArchiveEntry("package/package.json");
			entry.setSize(content.length);
			tar.putArchiveEntry(entry);
			tar.write(content);
			tar.closeArchiveEntry();
		}
		return bytes.toByteArray();
	}

}
