package org.connectathon.platform.web;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class StaticResourceIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldServeTheStylesheetTheScriptsAndHtmxWithoutSignIn() {
		ApiClient anonymous = this.fixtures.anonymous();

		Response stylesheet = anonymous.get("/css/connectathon.css");
		Response live = anonymous.get("/js/live.js");
		Response htmx = anonymous.get("/webjars/htmx.org/dist/htmx.min.js");

		assertThat(stylesheet.status()).isEqualTo(200);
		assertThat(stylesheet.contentType()).startsWith("text/css");
		assertThat(live.status()).isEqualTo(200);
		assertThat(live.body()).contains("EventSource");
		assertThat(htmx.status()).isEqualTo(200);
		assertThat(htmx.body()).contains("htmx");
	}

	@Test
	void shouldServeNoOtherFileOfTheClassPath() {
		assertThat(this.fixtures.anonymous().get("/application.properties").status()).isNotEqualTo(200);
		assertThat(this.fixtures.anonymous().get("/css/../application.properties").status()).isNotEqualTo(200);
	}

}
