package org.connectathon.engine.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class PackageVersionsTests {

	@Test
	void versionsSortNumericallyWithPreReleasesBeforeTheirRelease() {
		List<String> sorted = Stream.of("5.3.0", "10.0.0", "5.2.0", "5.3.0-ballot-tc1", "5.2.1", "9.1")
			.sorted(Comparator.comparing(PackageVersions::sortKey))
			.toList();

		assertThat(sorted).containsExactly("5.2.0", "5.2.1", "5.3.0-ballot-tc1", "5.3.0", "9.1", "10.0.0");
	}

}
