package org.connectathon.engine.validation;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;

/**
 * Gives a shared HAPI {@link FhirContext} the core definitions from the indexed copy in
 * the package cache (see {@link CoreDefinitions}) as its default validation support: what
 * the context answers to {@link FhirContext#getValidationSupport()}.
 * <p>
 * Without it, the context makes HAPI's {@link DefaultProfileValidationSupport} on first
 * request, and HAPI's FHIRPath engine asks for it when it is created. For R4 that reads
 * two XML bundles; for R5 it parses the whole {@code hl7.fhir.r5.core} package, several
 * thousand resources with their narratives, which was most of the 40-50 s that one R5
 * TestScript with a FHIRPath or {@code validateProfileId} assert took to run (JFR: 71 %
 * of the CPU samples under {@code NpmPackageValidationSupport.loadPackageFromClasspath}).
 * The FHIRPath engine only asks for the type definitions and, for {@code conformsTo},
 * {@code memberOf} and {@code resolve}, single definitions by URL: both the indexed copy
 * answers, reading only what is asked.
 */
public final class CoreDefinitionsOfContexts {

	private static final Set<FhirContext> INSTALLED = Collections.newSetFromMap(new ConcurrentHashMap<>());

	private CoreDefinitionsOfContexts() {
	}

	/**
	 * Sets the context's validation support to the core definitions of its release read
	 * from {@code cacheDirectory} (written there first when missing), once per context;
	 * when the cache cannot be used it keeps HAPI's own.
	 */
	public static FhirContext install(FhirContext fhirContext, Path cacheDirectory) {
		Objects.requireNonNull(fhirContext, "fhirContext");
		Objects.requireNonNull(cacheDirectory, "cacheDirectory");
		if (!INSTALLED.contains(fhirContext)) {
			synchronized (INSTALLED) {
				if (!INSTALLED.contains(fhirContext)) {
					fhirContext.setValidationSupport(CoreDefinitions.support(fhirContext, cacheDirectory));
					INSTALLED.add(fhirContext);
				}
			}
		}
		return fhirContext;
	}

}
