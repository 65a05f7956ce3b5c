package org.connectathon.engine.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.connectathon.engine.TestPackages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageResolverTests {

	@TempDir
	Path emptyCache;

	@Test
	void availableVersionsStandInForTheVersionsIpsAsksFor() {
		ResolvedPackages packages = TestPackages.ips();

		assertThat(packages.packages()).extracting(p -> p.reference().toString())
			.containsExactly("hl7.fhir.uv.ips#2.0.0", "hl7.terminology.r4#7.0.1",
					"hl7.fhir.uv.extensions.r4#5.3.0-ballot-tc1");
		assertThat(packages.warnings()).contains(
				"CTN-2010: hl7.terminology.r4#7.0.1 stands in for hl7.terminology.r4#6.5.0, which hl7.fhir.uv.ips#2.0.0 "
						+ "and hl7.fhir.uv.extensions.r4#5.3.0-ballot-tc1 depend on; results may differ where the two "
						+ "versions differ",
				"CTN-2010: hl7.fhir.uv.extensions.r4#5.3.0-ballot-tc1 stands in for hl7.fhir.uv.extensions.r4#5.2.0, "
						+ "which hl7.fhir.uv.ips#2.0.0 and hl7.terminology.r4#7.0.1 depend on; results may differ where "
						+ "the two versions differ");
		assertThat(packages.warnings()).hasSize(3);
	}

	@Test
	void missingDependencyIsSkippedWithAWarningNamingItAndHowToSupplyIt() {
		ResolvedPackages packages = TestPackages.ips();

		assertThat(packages.warnings()).anySatisfy(warning -> assertThat(warning)
			.startsWith("CTN-2011: hl7.fhir.uv.ipa#1.1.0, which hl7.fhir.uv.ips#2.0.0 depends on, is not available, "
					+ "so its profiles, extensions and terminology are skipped")
			.contains("supply it as a .tgz file or folder, or put it in the package cache"));
		assertThat(packages.warnings()).as("no folder of the machine named")
			.noneSatisfy(warning -> assertThat(warning).contains("/"));
	}

	@Test
	void coreDependencyIsLeftToTheValidationResources() {
		ResolvedPackages packages = TestPackages.ips();

		assertThat(packages.packages())
			.noneSatisfy(p -> assertThat(p.reference().name()).isEqualTo("hl7.fhir.r4.core"));
		assertThat(packages.warnings()).noneSatisfy(warning -> assertThat(warning).contains("hl7.fhir.r4.core"));
	}

	@Test
	void suppliedPackageIsKeptInTheFhirToolingCacheLayout() {
		new PackageResolver(new PackageCache(emptyCache, List.of()))
			.resolve(List.of(TestPackages.file(TestPackages.IPS).toString()));

		assertThat(emptyCache.resolve("hl7.fhir.uv.ips#2.0.0").resolve("package").resolve("package.json"))
			.isRegularFile();
	}

	@Test
	void cachedPackageResolvesByNameAndVersionWithCachedStandIns() {
		TestPackages.ips();

		ResolvedPackages packages = new PackageResolver(TestPackages.cache()).resolve(List.of("hl7.fhir.uv.ips#2.0.0"));

		assertThat(packages.key())
			.isEqualTo("hl7.fhir.uv.extensions.r4#5.3.0-ballot-tc1,hl7.fhir.uv.ips#2.0.0,hl7.terminology.r4#7.0.1");
	}

	@Test
	void unpackedPackageFolderIsReadWhereItIs() {
		TestPackages.ips();
		Path folder = TestPackages.cache().directory().resolve("hl7.fhir.uv.ips#2.0.0");

		ResolvedPackages packages = new PackageResolver(new PackageCache(emptyCache, List.of()))
			.resolve(List.of(folder.toString()));

		assertThat(packages.packages()).extracting(p -> p.reference().toString())
			.containsExactly("hl7.fhir.uv.ips#2.0.0");
		assertThat(emptyCache.resolve("hl7.fhir.uv.ips#2.0.0")).doesNotExist();
	}

	@Test
	void folderWithoutPackageJsonIsAnError() {
		PackageResolver resolver = new PackageResolver(new PackageCache(emptyCache, List.of()));

		assertThatThrownBy(() -> resolver.resolve(List.of(emptyCache.toString()))).isInstanceOf(PackageException.class)
			.hasMessage("CTN-2002: expected a FHIR package folder holding package/package.json, but " + emptyCache
					+ " has none");
	}

	@Test
	void packageInNeitherCacheNorServerIsAnErrorThatKeepsTheCacheFolderToItself() {
		PackageResolver resolver = new PackageResolver(new PackageCache(emptyCache, List.of()));

		assertThatThrownBy(() -> resolver.resolveReferences(List.of(PackageReference.parse("hl7.fhir.uv.ips#9.9.9"))))
			.isInstanceOf(PackageException.class)
			.hasMessageStartingWith("CTN-2003: expected hl7.fhir.uv.ips#9.9.9 in the package cache or on a package "
					+ "server, but it is in neither")
			.message()
			.doesNotContain(emptyCache.toString());
	}

	@Test
	void missingPackageFileIsAnError() {
		PackageResolver resolver = new PackageResolver(new PackageCache(emptyCache, List.of()));
		Path missing = emptyCache.resolve("missing.tgz");

		assertThatThrownBy(() -> resolver.resolve(List.of(missing.toString()))).isInstanceOf(PackageException.class)
			.hasMessage("CTN-2002: expected a FHIR package .tgz file or folder, but " + missing + " does not exist");
	}

	@Test
	void fileThatIsNotAPackageIsAnError() throws IOException {
		PackageResolver resolver = new PackageResolver(new PackageCache(emptyCache, List.of()));
		Path notAPackage = Files.writeString(emptyCache.resolve("notes.tgz"), "just text");

		assertThatThrownBy(() -> resolver.resolve(List.of(notAPackage.toString()))).isInstanceOf(PackageException.class)
			.hasMessageStartingWith("CTN-2002: expected a FHIR package .tgz in " + notAPackage);
	}

	@Test
	void requestThatIsNeitherFileNorNameAndVersionIsAnError() {
		PackageResolver resolver = new PackageResolver(new PackageCache(emptyCache, List.of()));

		assertThatThrownBy(() -> resolver.resolve(List.of("hl7.fhir.uv.ips"))).isInstanceOf(PackageException.class)
			.hasMessage("CTN-2001: expected a package as NAME#VERSION (e.g. hl7.fhir.uv.ips#2.0.0) or a .tgz file "
					+ "or folder, but got 'hl7.fhir.uv.ips'");
	}

}
