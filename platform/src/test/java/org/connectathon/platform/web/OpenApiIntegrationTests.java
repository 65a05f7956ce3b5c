package org.connectathon.platform.web;

import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class OpenApiIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldDescribeTheWholeApiWithoutSignIn() {
		Response document = this.fixtures.anonymous().get("/api/openapi.json");

		assertThat(document.status()).isEqualTo(200);
		assertThat(document.json().path("info").path("title").asString()).isEqualTo("Connectathon API");
		assertThat(document.json().path("paths").propertyNames()).contains("/api/events", "/api/events/{id}",
				"/api/catalog", "/api/profiles/{keyword}", "/api/organizations/{id}/contacts",
				"/api/events/{eventId}/systems", "/api/systems/{id}/registrations", "/api/systems/{id}/endpoints",
				"/api/tokens", "/api/users", "/api/me", "/api/events/{eventId}/test-scripts", "/api/test-scripts/{id}",
				"/api/test-instances/{id}/steps/{index}/runs", "/api/script-runs/{id}",
				"/api/test-instances/{id}/confirm-passing-report", "/api/tests/{id}/settings");
		assertThat(document.json().path("components").path("securitySchemes").path("token").path("scheme").asString())
			.isEqualTo("bearer");
	}

}
