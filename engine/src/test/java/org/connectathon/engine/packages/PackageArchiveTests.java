package org.connectathon.engine.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Package archives are read through and checked before anything of them reaches the
 * cache: a gzip bomb, a flood of entries, entries that lead out of the package and links
 * are refused, and the cache is left as it was.
 */
class PackageArchiveTests {

	static final PackageArchiveLimits SMALL = new PackageArchiveLimits(100, 1024 * 1024);

	@TempDir
	Path folder;

	@Test
	void refusesAGzipBombBeforeExpandingIt() throws IOException {
		Path bomb = archive("bomb.tgz", (tar) -> {
			manifest(tar, "example.bomb");
			file(tar, "package/zeros.json", new byte[8 * 1024 * 1024]);
		});
		assertThat(Files.size(bomb)).isLessThan(64 * 1024);

		assertThatThrownBy(() -> cache().install(bomb, "the uploaded package")).isInstanceOf(PackageException.class)
			.hasMessage("CTN-2013: expected a FHIR package of at most 1048576 bytes once expanded, but the uploaded "
					+ "package expands to more");
		assertThat(cacheFolderEntries()).isEmpty();
	}

	@Test
	void refusesAnArchiveOfTooManyEntries() throws IOException {
		Path flood = archive("flood.tgz", (tar) -> {
			manifest(tar, "example.flood");
			for (int index = 0; index < 100; index++) {
				file(tar, "package/Patient-" + index + ".json", "{}".getBytes(StandardCharsets.UTF_8));
			}
		});

		assertThatThrownBy(() -> cache().install(flood, "the uploaded package"))
			.hasMessage("CTN-2012: expected a FHIR package of at most 100 files and folders, but the uploaded "
					+ "package holds more");
		assertThat(cacheFolderEntries()).isEmpty();
	}

	@Test
	void refusesEntriesThatLeadOutOfThePackage() throws IOException {
		for (String name : List.of("package/../../escaped.json", "/tmp/escaped.json", "..\\escaped.json")) {
			Path slip = archive("slip.tgz", (tar) -> {
				manifest(tar, "example.slip");
				file(tar, name, "{}".getBytes(StandardCharsets.UTF_8));
			});

			assertThatThrownBy(() -> cache().install(slip, "the uploaded package"))
				.hasMessage("CTN-2014: expected every entry of a FHIR package inside the package, but the uploaded "
						+ "package holds '" + name + "'");
		}
		assertThat(cacheFolderEntries()).isEmpty();
		assertThat(this.folder.getParent().resolve("escaped.json")).doesNotExist();
	}

	@Test
	void refusesLinks() throws IOException {
		Path linked = archive("link.tgz", (tar) -> {
			manifest(tar, "example.link");
			TarArchiveEntry link = new TarArchiveEntry("package/passwords.json", TarConstants.LF_SYMLINK);
			link.setLinkName("/etc/passwd");
			tar.putArchiveEntry(link);
			tar.closeArchiveEntry();
		});

		assertThatThrownBy(() -> cache().install(linked, "the uploaded package"))
			.hasMessage("CTN-2015: expected only files and folders in a FHIR package, but the uploaded package holds "
					+ "'package/passwords.json', which is a link or a device");
		assertThat(cacheFolderEntries()).isEmpty();
	}

	@Test
	void refusesAPackageWhoseNameLeadsOutOfTheCache() throws IOException {
		Path renamed = archive("renamed.tgz", (tar) -> file(tar, "package/package.json",
				"{\"name\": \"../../escaped\", \"version\": \"1.0.0\"}".getBytes(StandardCharsets.UTF_8)));

		assertThatThrownBy(() -> cache().install(renamed, "the uploaded package")).hasMessageStartingWith(
				"CTN-2016: expected a package name of letters, digits, '.', '-' and '_' and a version without '/', "
						+ "'\\' or '..', but got '../../escaped#1.0.0'");
		assertThat(cacheFolderEntries()).isEmpty();
	}

	@Test
	void namesTheFileByItsLabelAndNeverByItsPath() throws IOException {
		Path garbage = Files.writeString(this.folder.resolve("upload-123.tgz"), "not a package");

		assertThatThrownBy(() -> cache().install(garbage, "the uploaded package"))
			.hasMessageStartingWith(
					"CTN-2002: expected a FHIR package .tgz in the uploaded package, but it cannot be " + "read")
			.message()
			.doesNotContain(this.folder.toString())
			.doesNotContain("upload-123");
	}

	@Test
	void installsAPackageWithinTheLimits() throws IOException {
		Path small = archive("small.tgz", (tar) -> {
			manifest(tar, "example.small");
			file(tar, "package/Patient-example.json",
					"{\"resourceType\": \"Patient\", \"id\": \"example\"}".getBytes(StandardCharsets.UTF_8));
		});

		assertThat(cache().install(small, "the uploaded package").reference())
			.isEqualTo(new PackageReference("example.small", "1.0.0"));
	}

	private PackageCache cache() {
		return new PackageCache(this.folder.resolve("cache"), List.of(), SMALL);
	}

	/** What the cache folder holds besides HAPI's own bookkeeping. */
	private List<String> cacheFolderEntries() throws IOException {
		try (Stream<Path> entries = Files.list(this.folder.resolve("cache"))) {
			return entries.map((entry) -> entry.getFileName().toString())
				.filter((name) -> !name.equals("packages.ini"))
				.toList();
		}
	}

	private Path archive(String name, ArchiveContent content) throws IOException {
		Path file = this.folder.resolve(name);
		try (OutputStream out = Files.newOutputStream(file);
				TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
			tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
			content.write(tar);
		}
		return file;
	}

	private static void manifest(TarArchiveOutputStream tar, String packageName) throws IOException {
		file(tar, "package/package.json",
				("{\"name\": \"" + packageName + "\", \"version\": \"1.0.0\", \"fhirVersions\": [\"4.0.1\"]}")
					.getBytes(StandardCharsets.UTF_8));
	}

	private static void file(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
		TarArchiveEntry entry = new TarArchiveEntry(name, true);
		entry.setSize(content.length);
		tar.putArchiveEntry(entry);
		tar.write(content);
		tar.closeArchiveEntry();
	}

	@FunctionalInterface
	interface ArchiveContent {

		void write(TarArchiveOutputStream tar) throws IOException;

	}

}
