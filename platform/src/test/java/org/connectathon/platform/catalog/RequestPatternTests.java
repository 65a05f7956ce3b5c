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
		assertThat(RequestPattern.problem("smtp:hello"))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("names no known protocol"));
		assertThat(RequestPattern.problem("hl7v2:ADT A01"))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("'hl7v2:TYPE^TRIGGER'"));
		assertThat(RequestPattern.problem("soap:CrossGatewayQuery"))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("'soap:ACTION'"));
		assertThat(RequestPattern.problem("fhir:capabilities")).isEmpty();
		assertThatThrownBy(() -> RequestPattern.parse("fhir:")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void shouldMatchASoapRequestByItsActionAndAnHl7v2MessageByItsTypeAndTrigger() {
		RequestPattern query = RequestPattern.parse("soap:urn:ihe:iti:2007:CrossGatewayQuery");
		RequestPattern admit = RequestPattern.parse("hl7v2:ADT^A01");

		assertThat(query.protocol()).isEqualTo(Protocol.SOAP);
		assertThat(query.matches(Protocol.SOAP, "urn:ihe:iti:2007:CrossGatewayQuery")).isTrue();
		assertThat(query.matches(Protocol.SOAP, "urn:ihe:iti:2007:CrossGatewayRetrieve")).isFalse();
		assertThat(query.matches(Protocol.HL7V2, "urn:ihe:iti:2007:CrossGatewayQuery")).isFalse();
		assertThat(query.matches(null, "search-type", null)).as("no FHIR request is a SOAP action").isFalse();
		assertThat(admit.matches(Protocol.HL7V2, "ADT^A01")).isTrue();
		assertThat(admit.matches(Protocol.HL7V2, "ADT^A01^ADT_A01")).as("the message structure is not compared")
			.isTrue();
		assertThat(admit.matches(Protocol.HL7V2, "ADT^A04")).isFalse();
		assertThat(admit.matches(Protocol.HL7V2, null)).isFalse();
	}

}
