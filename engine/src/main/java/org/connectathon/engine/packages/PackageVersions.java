package org.connectathon.engine.packages;

/**
 * Orders package versions such as {@code 5.3.0-ballot-tc1} and {@code 5.2.0} the way
 * people read them: numerically part by part, a pre-release after its plain release's
 * predecessors and before the plain release itself.
 */
final class PackageVersions {

	private PackageVersions() {
	}

	/** A key whose natural order is the version order. */
	static String sortKey(String version) {
		int dash = version.indexOf('-');
		String release = dash < 0 ? version : version.substring(0, dash);
		StringBuilder key = new StringBuilder();
		String[] parts = release.split("\\.");
		for (int index = 0; index < Math.max(parts.length, 4); index++) {
			key.append(String.format("%010d", index < parts.length ? parseOrZero(parts[index]) : 0)).append('.');
		}
		// a plain release sorts after its own pre-releases
		key.append(dash < 0 ? "~" : version.substring(dash + 1));
		return key.toString();
	}

	private static long parseOrZero(String part) {
		try {
			return Long.parseLong(part);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
