package org.connectathon.platform.referenceserver;

import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
@TestPropertySource(properties = "connectathon.reference-server.enabled=false")
class ReferenceServerSwitchedOffIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldHostNoReferenceServerWhenSwitchedOff() {
		Response metadata = this.fixtures.anonymous().get("/reference/r4/fhir/metadata");
		Response listed = this.fixtures.participantOf(this.fixtures.organization()).get("/api/reference-servers");

		assertThat(metadata.status()).isEqualTo(404);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json().isEmpty()).isTrue();
	}

}
