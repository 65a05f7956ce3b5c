package org.connectathon.platform.validation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the platform answers about packages and implementation guides names no folder of
 * the server: not its home, the package cache, nor the temporary file an upload is kept
 * in.
 */
@PlatformIntegrationTest
class NoServerPathsIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Value("${connectathon.home}")
	Path home;

	@Test
	void shouldRefuseMalformedPackagesWithoutNamingAServerPath() throws IOException {
		Map<String, byte[]> malformed = Map.of("text", bytes("not a package"), "gzipped text", gzip(bytes("not a tar")),
				"no package.json", tgz("package/readme.txt", "hello"), "package.json not JSON",
				tgz("package/package.json", "{ not json"), "a name leading out of the cache",
				tgz("package/package.json", "{\"name\": \"../../escape\", \"version\": \"1.0.0\"}"),
				"an entry leading out of the package", tgz("../escape.txt", "out"), "nothing", new byte[0]);

		malformed.forEach((what, archive) -> {
			Response refused = this.fixtures.admin().postBytes("/api/packages", archive, "application/gzip");
			assertThat(refused.status()).as(what + ": " + refused).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertNoServerPath(what, refused);
		});
	}

	@Test
	void shouldRefuseOddImplementationGuidesWithoutNamingAServerPath() {
		List<String> odd = List.of("hl7.fhir.uv.nothing#1.0.0", "hl7.fhir.uv.ips", "hl7.fhir.uv.ips#2.0.0#2",
				"../../escape#1.0.0", "hl7.fhir.uv.ips#../../..", "~/.fhir/packages/hl7.fhir.uv.ips#2.0.0",
				"hl7.fhir.uv.ips-2.0.0.tgz", "package.json", ".");
		var participant = this.fixtures.participantOf(this.fixtures.organization());

		for (String ig : odd) {
			String query = "?ig=" + URLEncoder.encode(ig, StandardCharsets.UTF_8);
			Response api = participant.postText("/api/validate" + query, "{\"resourceType\": \"Patient\"}",
					"application/fhir+json");
			assertThat(api.status()).as(ig + ": " + api).isEqualTo(400);
			assertNoServerPath(ig, api);
			Response fhir = participant.postText("/fhir/Patient/$validate" + query, "{\"resourceType\": \"Patient\"}",
					"application/fhir+json");
			assertThat(fhir.status()).as(ig + ": " + fhir).isEqualTo(400);
			assertNoServerPath(ig, fhir);
		}
	}

	private void assertNoServerPath(String what, Response answer) {
		assertThat(answer.body()).as(what)
			.doesNotContain(this.home.toAbsolutePath().toString())
			.doesNotContain(this.home.toString())
			.doesNotContain(System.getProperty("user.home"))
			.doesNotContain(System.getProperty("user.dir"))
			.doesNotContain(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString())
			.doesNotContain("package-upload-");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] gzip(byte[] content) throws IOException {
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
			out.write(content);
		}
		return gzipped.toByteArray();
	}

	/** A {@code .tgz} of one file. */
	private static byte[] tgz(String name, String content) throws IOException {
		ByteArrayOutputStream tar = new ByteArrayOutputStream();
		try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
			TarArchiveEntry entry = new TarArchiveEntry(name, true);
			entry.setSize(bytes(content).length);
			out.putArchiveEntry(entry);
			out.write(bytes(content));
			out.closeArchiveEntry();
		}
		return gzip(tar.toByteArray());
	}

}
