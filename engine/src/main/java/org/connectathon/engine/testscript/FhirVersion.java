package org.connectathon.engine.testscript;

import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import org.connectathon.engine.packages.PackageCache;
import org.connectathon.engine.validation.CoreDefinitionsOfContexts;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;

/**
 * The FHIR releases the engine knows: TestScripts are written in R4 or R5, and the
 * servers they run against answer in R4, R4B or R5 (see {@link ServerRelease}). Each
 * holds the shared, thread-safe HAPI context of its release, its FHIRPath engines and a
 * cache of parsed FHIRPath expressions.
 */
public enum FhirVersion {

	R4("4.0.1"), R4B("4.3.0"), R5("5.0.0");

	/** The version of the release's core specification, such as {@code 4.0.1}. */
	private final String coreVersion;

	private final Map<String, IFhirPath.IParsedExpression> parsedExpressions = new ConcurrentHashMap<>();

	/**
	 * FHIRPath engines not in use. HAPI's engine keeps state while it evaluates, so one
	 * evaluates on one thread at a time; creating one parses every StructureDefinition of
	 * the release (tens of milliseconds), so they are kept for the next caller rather
	 * than made per thread: runners start new threads for every run.
	 */
	private final Queue<IFhirPath> idleFhirPaths = new ConcurrentLinkedQueue<>();

	/** HAPI's shared context of the release, looked up on first use. */
	private volatile FhirContext fhirContext;

	FhirVersion(String coreVersion) {
		this.coreVersion = coreVersion;
	}

	/**
	 * The release of a FHIR version as a CapabilityStatement's {@code fhirVersion} or a
	 * package's {@code fhirVersions} give it: {@code 4.0.x} is R4, {@code 4.3.x} R4B and
	 * {@code 5.0.x} R5 (their ballots and snapshots, such as {@code 5.0.0-snapshot1},
	 * too).
	 * @return empty for any other version (DSTU2, STU3, R6 ballots) or none
	 */
	public static Optional<FhirVersion> ofVersion(String fhirVersion) {
		if (fhirVersion == null) {
			return Optional.empty();
		}
		String version = fhirVersion.strip();
		for (FhirVersion release : values()) {
			String majorMinor = release.coreVersion.substring(0, 3);
			if (version.equals(majorMinor) || version.startsWith(majorMinor + ".")
					|| version.startsWith(majorMinor + "-")) {
				return Optional.of(release);
			}
		}
		return Optional.empty();
	}

	/** The version of the release's core specification: 4.0.1, 4.3.0 or 5.0.0. */
	public String coreVersion() {
		return this.coreVersion;
	}

	/** The HAPI context, created once per JVM (it is expensive) and shared. */
	public FhirContext fhirContext() {
		FhirContext context = this.fhirContext;
		if (context == null) {
			context = switch (this) {
				case R4 -> FhirContext.forR4Cached();
				case R4B -> FhirContext.forR4BCached();
				case R5 -> FhirContext.forR5Cached();
			};
			this.fhirContext = context;
		}
		return context;
	}

	/**
	 * Runs {@code work} with a FHIRPath engine that no other thread uses meanwhile.
	 */
	public <T> T withFhirPath(Function<IFhirPath, T> work) {
		IFhirPath fhirPath = this.idleFhirPaths.poll();
		if (fhirPath == null) {
			// HAPI's engine asks the context for its validation support, which by default
			// parses the release's whole core package (for R5 tens of seconds)
			fhirPath = CoreDefinitionsOfContexts.install(fhirContext(), PackageCache.defaultDirectory()).newFhirPath();
		}
		try {
			return work.apply(fhirPath);
		}
		finally {
			this.idleFhirPaths.offer(fhirPath);
		}
	}

	/**
	 * A parsed FHIRPath expression, cached.
	 * @throws IllegalArgumentException with the parser's reason when the expression is
	 * malformed
	 */
	public IFhirPath.IParsedExpression parse(String expression) {
		return this.parsedExpressions.computeIfAbsent(expression, e -> withFhirPath(fhirPath -> {
			try {
				return fhirPath.parse(e);
			}
			catch (Exception ex) {
				throw new IllegalArgumentException(
						"CTN-3013: FHIRPath expression '" + e + "' does not parse: " + ex.getMessage(), ex);
			}
		}));
	}

}
