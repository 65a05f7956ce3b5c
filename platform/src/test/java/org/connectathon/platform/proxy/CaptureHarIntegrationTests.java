package org.connectathon.platform.proxy;

import java.util.List;

import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.proxy.CapturedMessage.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures downloaded as HAR 1.2 files, one exchange or a whole instance's: every field
 * that the format requires, credentials still masked, truncation and failures said in
 * comments, binary bodies in base64.
 */
@PlatformIntegrationTest
class CaptureHarIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	CaptureRepository captures;

	@Autowired
	JdbcClient jdbc;

	CaptureViewerFixtures recorded;

	@BeforeEach
	void capturesBetweenThreeOrganizations() {
		this.recorded = new CaptureViewerFixtures(this.fixtures, this.captures, this.jdbc);
	}

	@Test
	void shouldWriteAnExchangeWithEveryFieldThatHar12Requires() {
		Response download = this.recorded.pdqmQuery.acme()
			.get("/api/captures/" + this.recorded.acmeToGlobex.id() + "/har");

		assertThat(download.status()).as(download.toString()).isEqualTo(200);
		JsonNode log = download.json().path("log");
		assertThat(log.path("version").asString()).isEqualTo("1.2");
		assertThat(log.path("creator").path("name").asString()).isNotBlank();
		assertThat(log.path("creator").path("version").asString()).isNotBlank();
		assertThat(log.path("entries").size()).isEqualTo(1);
		JsonNode entry = log.path("entries").get(0);
		assertThat(entry.path("startedDateTime").asString()).isEqualTo("2026-12-07T12:00:00Z");
		assertThat(entry.path("time").asInt()).isEqualTo(5);
		assertThat(entry.path("cache").isObject()).isTrue();
		assertThat(entry.path("timings").path("send").asInt()).isZero();
		assertThat(entry.path("timings").path("wait").asInt()).isEqualTo(3);
		assertThat(entry.path("timings").path("receive").asInt()).isEqualTo(2);

		JsonNode request = entry.path("request");
		assertThat(request.path("method").asString()).isEqualTo("GET");
		assertThat(request.path("url").asString()).isEqualTo("http://upstream.example/fhir/Patient/1?_format=json");
		assertThat(request.path("httpVersion").asString()).isEqualTo("HTTP/1.1");
		assertThat(request.path("cookies").isArray()).isTrue();
		assertThat(request.path("headers")
			.valueStream()
			.map((header) -> header.path("name").asString() + ": " + header.path("value").asString()))
			.containsExactly("Accept: application/fhir+json", "Authorization: ***");
		assertThat(request.path("queryString").get(0).path("name").asString()).isEqualTo("_format");
		assertThat(request.path("queryString").get(0).path("value").asString()).isEqualTo("json");
		assertThat(request.has("postData")).isFalse();
		assertThat(request.path("headersSize").asInt()).isEqualTo(-1);
		assertThat(request.path("bodySize").asInt()).isZero();

		JsonNode response = entry.path("response");
		assertThat(response.path("status").asInt()).isEqualTo(200);
		assertThat(response.path("statusText").asString()).isEqualTo("OK");
		assertThat(response.path("httpVersion").asString()).isEqualTo("HTTP/1.1");
		assertThat(response.path("cookies").isArray()).isTrue();
		assertThat(response.path("redirectURL").isString()).isTrue();
		assertThat(response.path("content").path("size").asInt()).isEqualTo(CaptureViewerFixtures.PATIENT.length());
		assertThat(response.path("content").path("mimeType").asString()).isEqualTo("application/fhir+json");
		assertThat(response.path("content").path("text").asString()).isEqualTo(CaptureViewerFixtures.PATIENT);
		assertThat(response.path("content").has("encoding")).isFalse();
	}

	@Test
	void shouldSayInCommentsWhatWasCutAndWhatFailed() {
		long truncated = this.captures
			.insertAll(List.of(CaptureViewerFixtures.read(this.recorded.event(), this.recorded.initechClient, null,
					CaptureViewerFixtures.NOON, 200, "{\"resourceType\":\"Bund", true)))
			.get(0)
			.id();

		JsonNode cut = this.recorded.pdqmQuery.admin().get("/api/captures/" + truncated + "/har").json();
		JsonNode failed = this.recorded.pdqmQuery.admin()
			.get("/api/captures/" + this.recorded.initechFailed.id() + "/har")
			.json();

		JsonNode cutEntry = cut.path("log").path("entries").get(0);
		assertThat(cutEntry.path("response").path("content").path("comment").asString())
			.isEqualTo("Truncated: the first 21 of 42 bytes were captured.");
		assertThat(cutEntry.path("response").path("content").path("size").asInt()).isEqualTo(42);
		assertThat(cutEntry.path("comment").asString()).contains("The response body was cut at the capture limit.");
		JsonNode failedEntry = failed.path("log").path("entries").get(0);
		assertThat(failedEntry.path("response").path("status").asInt()).isEqualTo(502);
		assertThat(failedEntry.path("comment").asString()).contains("The upstream call failed: Connection refused");
		assertThat(failedEntry.path("timings").path("wait").asInt()).isEqualTo(30001);
		assertThat(failedEntry.path("request").path("postData").path("mimeType").asString())
			.isEqualTo("application/fhir+json");
		assertThat(failedEntry.path("request").path("postData").path("text").asString())
			.isEqualTo("{\"resourceType\":\"Observation\"}");
	}

	@Test
	void shouldWriteABinaryBodyInBase64() {
		CapturedMessage none = new CapturedMessage(List.of(), null, null, 0, false);
		CapturedMessage pdf = new CapturedMessage(List.of(new Header("Content-Type", "application/pdf")),
				"application/pdf", new byte[] { '%', 'P', 'D', 'F', 0, 1, 2 }, 7, false);
		long binary = this.captures
			.insertAll(List.of(new NewCapture(this.recorded.event(), null, null, this.recorded.initechClient, null,
					"192.0.2.10", CaptureViewerFixtures.NOON, 1, 2, "GET", "/Binary/1",
					"http://upstream.example/fhir/Binary/1", 200, null, "Binary", "read", none, pdf)))
			.get(0)
			.id();

		JsonNode content = this.recorded.pdqmQuery.admin()
			.get("/api/captures/" + binary + "/har")
			.json()
			.path("log")
			.path("entries")
			.get(0)
			.path("response")
			.path("content");
		JsonNode detail = this.recorded.pdqmQuery.admin().get("/api/captures/" + binary).json().path("response");

		assertThat(content.path("encoding").asString()).isEqualTo("base64");
		assertThat(content.path("text").asString()).isEqualTo("JVBERgABAg==");
		assertThat(detail.path("bodyBase64").asString()).isEqualTo("JVBERgABAg==");
		assertThat(detail.path("bodyText").isNull()).isTrue();
	}

	@Test
	void shouldWriteTheCapturesOfAnInstanceThatTheReaderMaySee() {
		String path = "/api/test-instances/" + this.recorded.instance + "/captures/har";

		Response acme = this.recorded.pdqmQuery.acme().get(path);
		Response initech = this.fixtures.apiAs(this.recorded.initechUser).get(path);

		assertThat(acme.status()).isEqualTo(200);
		assertThat(acme.json()
			.path("log")
			.path("entries")
			.valueStream()
			.map((entry) -> entry.path("request").path("url").asString()))
			.containsExactly("http://upstream.example/fhir/Patient/1?_format=json");
		assertThat(initech.json().path("log").path("entries").size()).isZero();
		assertThat(
				this.recorded.pdqmQuery.acme().get("/api/test-instances/" + Long.MAX_VALUE + "/captures/har").status())
			.isEqualTo(404);
	}

}
