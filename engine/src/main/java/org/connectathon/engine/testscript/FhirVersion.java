package org.connectathon.engine.testscript;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;

/**
 * The FHIR releases the engine runs TestScripts of. Each holds the shared, thread-safe
 * HAPI context of its release, its FHIRPath engines and a cache of parsed FHIRPath
 * expressions.
 */
public enum FhirVersion {

	R4, R5;

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

	/** The HAPI context, created once per JVM (it is expensive) and shared. */
	public FhirContext fhirContext() {
		FhirContext context = this.fhirContext;
		if (context == null) {
			context = this == R4 ? FhirContext.forR4Cached() : FhirContext.forR5Cached();
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
			fhirPath = fhirContext().newFhirPath();
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
