package org.connectathon.engine.packages;

import java.util.List;
import java.util.Objects;

import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * One loaded FHIR package: its name and version, the packages it depends on (from its
 * {@code package.json}) and HAPI's view of its files, which reads resources on demand
 * through the package's {@code .index.json}.
 */
public final class FhirPackage {

	private final NpmPackage npmPackage;

	private final PackageReference reference;

	FhirPackage(NpmPackage npmPackage) {
		this.npmPackage = Objects.requireNonNull(npmPackage, "npmPackage");
		this.reference = new PackageReference(npmPackage.name(), npmPackage.version());
	}

	public PackageReference reference() {
		return reference;
	}

	/** The FHIR version the package is written for, e.g. {@code 4.0.1}. */
	public String fhirVersion() {
		return npmPackage.fhirVersion();
	}

	/** The dependencies declared in {@code package.json}, in their order there. */
	public List<PackageReference> dependencies() {
		return npmPackage.dependencies().stream().map(PackageReference::parse).toList();
	}

	/** HAPI's view of the package files. */
	public NpmPackage npmPackage() {
		return npmPackage;
	}

	@Override
	public String toString() {
		return reference.toString();
	}

}
