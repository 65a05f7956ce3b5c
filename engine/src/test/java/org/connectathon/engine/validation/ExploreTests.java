package org.connectathon.engine.validation;

import org.connectathon.engine.TestPackages;
import org.junit.jupiter.api.Test;

class ExploreTests {

	@Test
	void explore() {
		long start = System.nanoTime();
		var packages = TestPackages.ips();
		System.out.println("resolved " + (System.nanoTime() - start) / 1e6 + " ms " + packages.packages() + packages.warnings());
		ValidationService service = ValidationService.create(packages, null);
		System.out.println("ready " + (System.nanoTime() - start) / 1e6 + " ms");
		for (var example : TestPackages.ipsExamples()) {
			long t = System.nanoTime();
			ValidationReport report = service.validate(example.json(), null);
			System.out.println("== " + example + " " + (System.nanoTime() - t) / 1e6 + " ms errors=" + report.errorCount());
			report.issues().stream().filter(i -> i.severity() != IssueSeverity.INFORMATION).forEach(i -> System.out.println("   " + i));
		}
		for (int round = 0; round < 3; round++) {
			long t = System.nanoTime();
			for (var example : TestPackages.ipsExamples()) {
				if (example.fileName().startsWith("Bundle")) service.validate(example.json(), null);
			}
			System.out.println("5 bundles " + (System.nanoTime() - t) / 1e6 + " ms");
		}
	}

}
