package org.connectathon.platform.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.connectathon.engine.packages.PackageCache;
import org.connectathon.engine.packages.PackageResolver;

import picocli.CommandLine.Option;

/**
 * The implementation guides a command validates with, and where their packages come from;
 * shared by {@code validate} and {@code run}.
 */
class PackageOptions {

	@Option(names = "--ig", paramLabel = "PACKAGE#VERSION|FILE",
			description = "Implementation guide package: NAME#VERSION from the package cache or a package server, "
					+ "or a package .tgz file or folder (added to the cache). Repeatable.")
	List<String> implementationGuides = new ArrayList<>();

	@Option(names = "--packages", paramLabel = "DIR",
			description = "Package cache folder (default: $CONNECTATHON_HOME/packages, else ~/.fhir/packages).")
	Path packageCache;

	@Option(names = "--package-server", paramLabel = "URL",
			description = "FHIR package server or npm registry to fetch packages missing from the cache from. Repeatable.")
	List<URI> packageServers = new ArrayList<>();

	PackageResolver resolver() {
		Path directory = (this.packageCache != null) ? this.packageCache : PackageCache.defaultDirectory();
		return new PackageResolver(new PackageCache(directory, this.packageServers));
	}

}
