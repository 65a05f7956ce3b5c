/**
 * Validation of FHIR resources against implementation guides, in-process, over HAPI's
 * validator. {@link org.connectathon.engine.validation.ValidationService} is the one
 * entry point; the other public types describe its results. The package-private
 * {@code *ValidationSupport} classes are the links of HAPI's validation support chain,
 * one source of profiles or terminology each.
 */
package org.connectathon.engine.validation;
