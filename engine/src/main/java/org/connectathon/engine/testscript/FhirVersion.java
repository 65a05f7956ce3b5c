package org.connectathon.engine.testscript;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;

/**
 * The FHIR releases the engine runs TestScripts of. Each holds the shared, thread-safe
 * HAPI context and FHIRPath engine of its release, and a cache of parsed FHIRPath
 * expressions.
 */
public enum FhirVersion {

	R4, R5;

	private final Map<String, IFhirPath.IParsedExpression> parsedExpressions = new ConcurrentHashMap<>();

	/**
	 * HAPI does not promise that one FHIRPath engine may evaluate on several threads at
	 * once.
	 */
	private final ThreadLocal<IFhirPath> fhirPath = ThreadLocal.withInitial(() -> fhirContext().newFhirPath());

	/** The HAPI context, created once per JVM (it is expensive) and shared. */
	public FhirContext fhirContext() {
		return this == R4 ? FhirContext.forR4Cached() : FhirContext.forR5Cached();
	}

	/** This thread's FHIRPath engine. */
	public IFhirPath fhirPath() {
		return this.fhirPath.get();
	}

	/**
	 * A parsed FHIRPath expression, cached.
	 * @throws IllegalArgumentException with the parser's reason when the expression is
	 * malformed
	 */
	public IFhirPath.IParsedExpression parse(String expression) {
		return this.parsedExpressions.computeIfAbsent(expression, e -> {
			try {
				return fhirPath().parse(e);
			}
			catch (Exception ex) {
				throw new IllegalArgumentException(
						"CTN-3013: FHIRPath expression '" + e + "' does not parse: " + ex.getMessage(), ex);
			}
		});
	}

}
