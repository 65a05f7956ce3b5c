package org.connectathon.bench.validation;

import java.nio.file.Path;
import java.util.List;

import org.connectathon.engine.packages.PackageCache;
import org.connectathon.engine.packages.PackageResolver;
import org.connectathon.engine.validation.ValidationService;

/**
 * Connectathon's validation service, with its package cache in {@code cacheDirectory}.
 */
final class ConnectathonSetUp implements BenchValidator {

	private final ValidationService service;

	ConnectathonSetUp(Path cacheDirectory, List<Path> packageFiles) {
		PackageResolver resolver = new PackageResolver(new PackageCache(cacheDirectory, List.of()));
		this.service = ValidationService.create(resolver.resolve(packageFiles.stream().map(Path::toString).toList()),
				null);
	}

	@Override
	public List<String> validate(String resource) {
		return service.validate(resource, null)
			.issues()
			.stream()
			.map(issue -> issue.severity().code() + "|" + issue.location() + "|" + issue.message())
			.toList();
	}

}
