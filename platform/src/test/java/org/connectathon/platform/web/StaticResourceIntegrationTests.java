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
	void shouldServeTheStylesheetHtmxAndItsServerSentEventsExtensionWithoutSignIn() {
		ApiClient anonymous = this.fixtures.anonymous();

		Response stylesheet = anonymous.get("/css/connectathon.css");
		Response htmx = anonymous.get("/webjars/htmx.org/dist/htmx.min.js");

		assertThat(stylesheet.status()).isEqualTo(200);
		assertThat(stylesheet.contentType()).startsWith("text/css");
		assertThat(htmx.status()).isEqualTo(200);
		assertThat(htmx.body()).contains("htmx");
		Response serverSentEvents = anonymous.get("/webjars/htmx-ext-sse/sse.js");
		assertThat(serverSentEvents.status()).isEqualTo(200);
		assertThat(serverSentEvents.body()).contains("defineExtension('sse'");
	}

	@Test
	void shouldServeNoOtherFileOfTheClassPath() {
		assertThat(this.fixtures.anonymous().get("/application.properties").status()).isNotEqualTo(200);
		assertThat(this.fixtures.anonymous().get("/css/../application.properties").status()).isNotEqualTo(200);
	}

}
