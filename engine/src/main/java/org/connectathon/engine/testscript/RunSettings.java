package org.connectathon.engine.testscript;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.connectathon.engine.packages.PackageCache;
import org.connectathon.engine.packages.PackageResolver;
import org.connectathon.engine.validation.ValidationServiceCache;

/**
 * Where and how to run TestScripts.
 *
 * @param server the FHIR base URL of the system under test, used for destination 1 and
 * for operations without a destination
 * @param destinations base URLs of other destinations by their index in the script; an
 * index not given here goes to {@code server}
 * @param variables values for script variables by name; they win over the script's own
 * definitions, which is how a tester answers a variable's {@code hint}
 * @param validator validates for {@code validateProfileId} asserts
 * @param timeout how long one HTTP request may take
 * @param confined whether every request must stay under the base URL of its destination
 * (same scheme, host and port, a path under the base's path): a script's absolute
 * {@code url} elsewhere is then an error, and nothing is sent. Off by default: a tester
 * who runs a script they chose may send it anywhere; the platform, which runs scripts
 * against the systems of an event, turns it on.
 * @param fhirVersion the FHIR release the server answers in, which judges its answers
 * (see {@link ServerRelease}); {@code null} to learn it from the server's
 * CapabilityStatement
 */
public record RunSettings(URI server, Map<Integer, URI> destinations, Map<String, String> variables,
		ProfileValidator validator, Duration timeout, boolean confined, FhirVersion fhirVersion) {

	public RunSettings {
		Objects.requireNonNull(server, "server");
		destinations = Map.copyOf(Objects.requireNonNull(destinations, "destinations"));
		variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
		Objects.requireNonNull(validator, "validator");
		Objects.requireNonNull(timeout, "timeout");
	}

	/** Settings that learn the server's release from its CapabilityStatement. */
	public RunSettings(URI server, Map<Integer, URI> destinations, Map<String, String> variables,
			ProfileValidator validator, Duration timeout, boolean confined) {
		this(server, destinations, variables, validator, timeout, confined, null);
	}

	/**
	 * Settings with only a server, a validator of the core specification (its warm-start
	 * files in the default package cache) and a 30 second timeout.
	 */
	public static RunSettings forServer(URI server) {
		return new RunSettings(server, Map.of(), Map.of(),
				new PackageProfileValidator(
						new PackageResolver(new PackageCache(PackageCache.defaultDirectory(), List.of())), List.of(),
						new ValidationServiceCache()),
				Duration.ofSeconds(30), false);
	}

	public RunSettings withDestinations(Map<Integer, URI> newDestinations) {
		return new RunSettings(this.server, newDestinations, this.variables, this.validator, this.timeout,
				this.confined, this.fhirVersion);
	}

	public RunSettings withVariables(Map<String, String> newVariables) {
		return new RunSettings(this.server, this.destinations, newVariables, this.validator, this.timeout,
				this.confined, this.fhirVersion);
	}

	public RunSettings withValidator(ProfileValidator newValidator) {
		return new RunSettings(this.server, this.destinations, this.variables, newValidator, this.timeout,
				this.confined, this.fhirVersion);
	}

	/** The same settings, with requests confined to their destinations or not. */
	public RunSettings withConfinement(boolean newConfined) {
		return new RunSettings(this.server, this.destinations, this.variables, this.validator, this.timeout,
				newConfined, this.fhirVersion);
	}

	/**
	 * The same settings, with the server's release given, or learned from the server when
	 * {@code null}.
	 */
	public RunSettings withFhirVersion(FhirVersion newFhirVersion) {
		return new RunSettings(this.server, this.destinations, this.variables, this.validator, this.timeout,
				this.confined, newFhirVersion);
	}

	/**
	 * The base URL for a destination index; 0 (absent) and unknown indexes use the
	 * server.
	 */
	URI baseUrl(int destination) {
		return this.destinations.getOrDefault(destination, this.server);
	}

}
