package org.connectathon.bench.validation;

import java.nio.file.Path;
import java.util.List;

import org.connectathon.engine.packages.PackageCache;
import org.connectathon.engine.packages.PackageResolver;
import org.connectathon.engine.validation.MembershipStatistics;
import org.connectathon.engine.validation.OperationOutcomes;
import org.connectathon.engine.validation.SliceMembership;
import org.connectathon.engine.validation.ValidationService;

/**
 * Connectathon's validation service, with its package cache in {@code cacheDirectory},
 * deciding slice membership by profile as told (the old path validates in full, the new
 * one prechecks and remembers).
 */
final class ConnectathonSetUp implements BenchValidator {

	private final ValidationService service;

	ConnectathonSetUp(Path cacheDirectory, List<Path> packageFiles, SliceMembership sliceMembership) {
		PackageResolver resolver = new PackageResolver(new PackageCache(cacheDirectory, List.of()));
		this.service = ValidationService.create(resolver.resolve(packageFiles.stream().map(Path::toString).toList()),
				null, sliceMembership);
	}

	/**
	 * The whole OperationOutcome: every issue with severity, location, line, column and
	 * message.
	 */
	String operationOutcome(String resource) {
		return OperationOutcomes.toJson(service.validate(resource, null));
	}

	MembershipStatistics membershipStatistics() {
		return service.membershipStatistics();
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
