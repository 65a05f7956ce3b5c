package org.connectathon.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.connectathon.engine.TestPackages;
import org.junit.jupiter.api.Test;

class ValidationServiceThreadSafetyTests {

	private static final int THREADS = 4;

	@Test
	void parallelValidationsReportWhatOneThreadReports() throws Exception {
		ValidationService service = ValidationService.create(TestPackages.ips(), null);
		List<String> inputs = new ArrayList<>();
		TestPackages.ipsExamples()
			.stream()
			.filter(example -> example.fileName().startsWith("Bundle"))
			.forEach(example -> inputs.add(example.json()));
		inputs.add(IpsVariants.withoutSubject());
		inputs.add(IpsVariants.withCompositionDate("2020-13-45"));
		inputs.add(IpsVariants.withCompositionExtension("http://example.org/fhir/StructureDefinition/unknown"));
		List<ValidationReport> sequential = inputs.stream().map(input -> service.validate(input, null)).toList();

		List<Integer> order = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			for (int index = 0; index < inputs.size(); index++) {
				order.add(index);
			}
		}
		Collections.shuffle(order, new Random(4));
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<ValidationReport>> parallel = new ArrayList<>();
			for (int index : order) {
				parallel.add(executor.submit(() -> service.validate(inputs.get(index), null)));
			}
			for (int position = 0; position < order.size(); position++) {
				assertThat(parallel.get(position).get()).isEqualTo(sequential.get(order.get(position)));
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

}
