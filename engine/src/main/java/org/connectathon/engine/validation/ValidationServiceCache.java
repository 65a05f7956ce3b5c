package org.connectathon.engine.validation;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.connectathon.engine.packages.ResolvedPackages;

/**
 * Shares one warm {@link ValidationService} per set of implementation guides (and
 * terminology server), so that the TestScript engine and the platform asking for the same
 * IGs pay for start-up once. Services are kept for the life of the cache. Thread-safe:
 * callers asking for the same set at once wait for the one service being built.
 */
public final class ValidationServiceCache {

	private final Map<String, ValidationService> services = new ConcurrentHashMap<>();

	/**
	 * The service for these packages, built on first request.
	 * @param terminologyServer as for {@link ValidationService#create}, or {@code null}
	 */
	public ValidationService get(ResolvedPackages packages, URI terminologyServer) {
		Objects.requireNonNull(packages, "packages");
		String key = packages.key() + " tx=" + terminologyServer;
		return services.computeIfAbsent(key, k -> ValidationService.create(packages, terminologyServer));
	}

}
