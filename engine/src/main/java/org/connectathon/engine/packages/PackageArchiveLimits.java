package org.connectathon.engine.packages;

/**
 * How large a package {@code .tgz} may become once expanded, checked before anything of
 * it is written to the package cache, so that a small archive cannot fill the disk or the
 * memory (a gzip bomb) or the folder with files.
 *
 * @param maximumEntries most files and folders the archive may hold
 * @param maximumExpandedBytes most bytes its files may hold together, once expanded
 */
public record PackageArchiveLimits(int maximumEntries, long maximumExpandedBytes) {

	/**
	 * 20,000 entries and 512 MB: four times the largest package the FHIR core
	 * specification publishes ({@code hl7.fhir.r4.examples}: 5,307 files, 188 MB).
	 */
	public static final PackageArchiveLimits DEFAULT = new PackageArchiveLimits(20_000, 512L * 1024 * 1024);

	public PackageArchiveLimits {
		if (maximumEntries < 1 || maximumExpandedBytes < 1) {
			throw new IllegalArgumentException("expected positive package archive limits, but got " + maximumEntries
					+ " entries and " + maximumExpandedBytes + " bytes");
		}
	}

}
