package org.connectathon.platform.catalog;

/** Where a profile comes from. */
public enum ProfileKind {

	/** An IHE integration profile (MHD, PDQm, ...). */
	IHE_PROFILE,

	/** A FHIR implementation guide (IPS, ...), or a generic FHIR capability. */
	FHIR_IG

}
