package org.connectathon.platform.web;

import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body the API cannot read says what was expected where, so that a client knows what to
 * change, and nothing is stored.
 */
@PlatformIntegrationTest
class RequestBodyProblemIntegrationTests {

	@Autowired
	Fixtures fixtures;

	ApiClient admin;

	Event event;

	@BeforeEach
	void anOrganizerAndAnEvent() {
		this.admin = this.fixtures.admin();
		this.event = this.fixtures.openEvent();
	}

	@Test
	void shouldNameTheExpectedArrayWhenAnObjectComesInstead() {
		Response refused = this.admin.put(rules(), Map.of("distinctPartnerOrganizations", 1));

		assertProblem(refused, "expected a JSON array of grading rules at $");
		assertThat(this.admin.get(rules()).json().size()).isZero();
	}

	@Test
	void shouldNameTheExpectedValueAndItsPathInsideTheBody() {
		Response refused = this.admin.put(rules(),
				List.of(Map.of("distinctPartnerOrganizations", 1, "supportiveVerifiedInstances", 1),
						Map.of("distinctPartnerOrganizations", List.of(1), "supportiveVerifiedInstances", 1)));

		assertProblem(refused, "expected a whole number at $[1].distinctPartnerOrganizations");
	}

	@Test
	void shouldListTheAllowedValuesOfAnEnumeration() {
		Response refused = this.admin.post("/api/events",
				Map.of("name", Fixtures.unique("Event"), "startDate", "2030-01-01", "endDate", "2030-01-02",
						"registrationDeadline", "2029-12-01T00:00:00Z", "status", "LIVE"));

		assertProblem(refused, "\"LIVE\" is not allowed at $.status; allowed values: DRAFT, OPEN, RUNNING, CLOSED");
	}

	@Test
	void shouldNameAMissingRequiredField() {
		Response refused = this.admin.put(rules(), List.of(Map.of("supportiveVerifiedInstances", 1)));

		assertProblem(refused, "missing required field at $[0].distinctPartnerOrganizations: expected a whole number");
	}

	@Test
	void shouldSayWhereTheJsonIsBroken() {
		Response refused = this.admin.postText("/api/organizations", "{\"name\": }", "application/json");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("detail").asString()).startsWith("The body is not valid JSON");
	}

	private String rules() {
		return "/api/events/" + this.event.id() + "/grading-rules";
	}

	private static void assertProblem(Response refused, String detail) {
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().path("detail").asString()).isEqualTo(detail);
	}

}
