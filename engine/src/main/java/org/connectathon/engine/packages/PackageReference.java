package org.connectathon.engine.packages;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A package name with a version, written {@code NAME#VERSION} as the FHIR tooling does.
 *
 * @param name the package name, e.g. {@code hl7.fhir.uv.ips}
 * @param version the exact version, e.g. {@code 2.0.0}
 */
public record PackageReference(String name, String version) {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

	/**
	 * @throws PackageException CTN-2016 when the name or version could lead out of the
	 * package cache, whose folders they name (a package's own {@code package.json} gives
	 * both)
	 */
	public PackageReference {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(version, "version");
		if (!NAME.matcher(name).matches() || version.isEmpty() || version.contains("/") || version.contains("\\")
				|| version.contains("..")) {
			throw new PackageException("CTN-2016: expected a package name of letters, digits, '.', '-' and '_' and "
					+ "a version without '/', '\\' or '..', but got '" + name + "#" + version + "'");
		}
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
