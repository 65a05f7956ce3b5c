package org.connectathon.platform.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a transaction's {@code matches} read and which requests they match. */
class RequestPatternTests {

	@Test
	void shouldMatchTheInteractionAndTheResourceTypeAndOperationWhenNamed() {
		RequestPattern search = RequestPattern.parse("fhir:search-type Patient");
		RequestPattern summary = RequestPattern.parse(" fhir:operation Patient $summary ");
		RequestPattern anyRead = RequestPattern.parse("fhir:read");

		assertThat(search.matches("Patient", "search-type", null)).isTrue();
		assertThat(search.matches("Observation", "search-type", null)).isFalse();
		assertThat(search.matches("Patient", "read", null)).isFalse();
		assertThat(summary.matches("Patient", "operation", "$summary")).isTrue();
		assertThat(summary.matches("Patient", "operation", "$everything")).isFalse();
		assertThat(summary.text()).isEqualTo("fhir:operation Patient $summary");
		assertThat(anyRead.matches("Binary", "read", null)).isTrue();
		assertThat(anyRead.matches(null, null, null)).isFalse();
	}

	@Test
	void shouldMatchTheNamesTheProxyGivesHistoryAndPostsOnTheBase() {
		RequestPattern history = RequestPattern.parse("fhir:history Patient");
		RequestPattern batch = RequestPattern.parse("fhir:batch");

		assertThat(history.matches("Patient", "history-instance", null)).isTrue();
		assertThat(history.matches("Patient", "history-type", null)).isTrue();
		assertThat(history.matches("Patient", "read", null)).isFalse();
		assertThat(batch.matches(null, "transaction", null)).as("the proxy names every POST on the base so").isTrue();
		assertThat(RequestPattern.parse("fhir:transaction").matches(null, "transaction", null)).isTrue();
	}

	@Test
	void shouldSayWhatIsWrongWithADeclaration() {
		assertThat(RequestPattern.problem("fhir:transaction Bundle")).hasValueSatisfying(
				(problem) -> assertThat(problem).contains("on the server's base and names no resource type"));
		assertThat(RequestPattern.problem("fhir:read Patient $summary"))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("only the operation interaction"));
		assertThat(RequestPattern.problem("hl7v2:ADT^A01"))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("names no known protocol"));
		assertThat(RequestPattern.problem("fhir:capabilities")).isEmpty();
		assertThatThrownBy(() -> RequestPattern.parse("fhir:")).isInstanceOf(IllegalArgumentException.class);
	}

}
