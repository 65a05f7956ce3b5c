package org.connectathon.engine.testscript;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;

/**
 * The FHIR releases the engine runs TestScripts of. Each holds the shared, thread-safe HAPI
 * context and FHIRPath engine of its release, and a cache of parsed FHIRPath expressions.
 */
public enum FhirVersion {

	R4, R5;

	private final Map<String, IFhirPath.IParsedExpression> parsedExpressions = new ConcurrentHashMap<>();

	private volatile IFhirPath fhirPath;

	/** The HAPI context, created once per JVM (it is expensive) and shared. */
	public FhirContext fhirContext() {
		return this == R4 ? FhirContext.forR4Cached() : FhirContext.forR5Cached();
	}

	/** A FHIRPath engine; HAPI's engines are thread-safe once created. */
	public IFhirPath fhirPath() {
		IFhirPath result = this.fhirPath;
		if (result == null) {
			result = fhirContext().newFhirPath();
			this.fhirPath = result;
		}
		return result;
	}

	/**
	 * A parsed FHIRPath expression, cached.
	 * @throws IllegalArgumentException with the parser's reason when the expression is malformed
	 */
	public IFhirPath.IParsedExpression parse(String expression) {
		return this.parsedExpressions.computeIfAbsent(expression, e -> {
			try {
				return fhirPath().parse(e);
			}
			catch (Exception ex) {
				throw new IllegalArgumentException("FHIRPath expression '" + e + "' does not parse: " + ex.getMessage(),
						ex);
			}
		});
	}

}
