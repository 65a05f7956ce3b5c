package org.connectathon.engine.referenceserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches running while other threads write see a consistent index: never an error, and
 * every resource written before a search started is found by it.
 */
class SearchIndexConcurrencyTests {

	@Test
	void searchesWhileOtherThreadsWrite() throws Exception {
		FhirContext fhirContext = FhirContext.forR4Cached();
		ResourceStore store = new ResourceStore(fhirContext);
		IndexedSearch search = new IndexedSearch(store.index());
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> tasks = new ArrayList<>();
			for (int writer = 0; writer < 2; writer++) {
				int first = writer * 500;
				tasks.add(executor.submit(() -> {
					for (int i = first; i < first + 500; i++) {
						store.put("Observation", "obs-" + i,
								fhirContext.newJsonParser()
									.parseResource(
											"""
													{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},
													 "subject":{"reference":"Patient/p-%d"}}"""
												.formatted(i % 10)));
					}
				}));
			}
			for (int reader = 0; reader < 2; reader++) {
				tasks.add(executor.submit(() -> {
					for (int i = 0; i < 200; i++) {
						int before = store.size();
						int found = search
							.search(List.of("Observation"), Map.of("code", new String[] { "http://loinc.org|8480-6" },
									"_count", new String[] { "0" }), true, false)
							.matches()
							.size();
						assertThat(found).isGreaterThanOrEqualTo(before);
					}
				}));
			}
			for (Future<?> task : tasks) {
				task.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(search.matching("Observation", Map.of("subject", new String[] { "Patient/p-3" }))).hasSize(100);
	}

}
