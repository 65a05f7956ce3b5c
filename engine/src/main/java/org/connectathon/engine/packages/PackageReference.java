package org.connectathon.engine.packages;

import java.util.Objects;

/**
 * A package name with a version, written {@code NAME#VERSION} as the FHIR tooling does.
 *
 * @param name the package name, e.g. {@code hl7.fhir.uv.ips}
 * @param version the exact version, e.g. {@code 2.0.0}
 */
public record PackageReference(String name, String version) {

	public PackageReference {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(version, "version");
	}

	/**
	 * Reads {@code NAME#VERSION}.
	 * @throws PackageException CTN-2001 when the text is not of that form
	 */
	public static PackageReference parse(String text) {
		Objects.requireNonNull(text, "text");
		int hash = text.indexOf('#');
		if (hash <= 0 || hash == text.length() - 1 || text.indexOf('#', hash + 1) >= 0) {
			throw new PackageException("CTN-2001: expected a package as NAME#VERSION (e.g. hl7.fhir.uv.ips#2.0.0) "
					+ "or a .tgz file or folder, but got '" + text + "'");
		}
		return new PackageReference(text.substring(0, hash), text.substring(hash + 1));
	}

	@Override
	public String toString() {
		return name + "#" + version;
	}

}
