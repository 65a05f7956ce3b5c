package org.connectathon.platform.proxy;

import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.connectathon.platform.proxy.CapturedMessage.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes captures as a HAR 1.2 file (the HTTP Archive format that browsers' developer
 * tools and HAR viewers read), one entry at a time so that a whole instance's captures
 * need not fit in memory. Headers stay as stored, credentials masked; a body that the
 * proxy cut is written as stored, and the entry's comment says so.
 */
final class HarWriter implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonGenerator json;

	HarWriter(OutputStream output, String comment) {
		this.json = JSON.createGenerator(output);
		this.json.writeStartObject();
		this.json.writeObjectPropertyStart("log");
		this.json.writeStringProperty("version", "1.2");
		this.json.writeObjectPropertyStart("creator");
		this.json.writeStringProperty("name", "Connectathon recording proxy");
		this.json.writeStringProperty("version", "1");
		this.json.writeEndObject();
		this.json.writeStringProperty("comment", comment);
		this.json.writeArrayPropertyStart("entries");
	}

	/** One exchange: its timings, its request and its response. */
	void write(Capture capture, CapturedMessage request, CapturedMessage response) {
		int wait = (capture.upstreamMillis() != null) ? Math.min(capture.upstreamMillis(), capture.totalMillis())
				: capture.totalMillis();
		this.json.writeStartObject();
		this.json.writeStringProperty("startedDateTime",
				capture.startedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		this.json.writeNumberProperty("time", capture.totalMillis());
		writeRequest(capture, request);
		writeResponse(capture, response);
		this.json.writeObjectPropertyStart("cache");
		this.json.writeEndObject();
		// The proxy measures until the upstream's answer headers and until the last byte.
		this.json.writeObjectPropertyStart("timings");
		this.json.writeNumberProperty("send", 0);
		this.json.writeNumberProperty("wait", wait);
		this.json.writeNumberProperty("receive", capture.totalMillis() - wait);
		this.json.writeEndObject();
		this.json.writeStringProperty("comment", comment(capture));
		this.json.writeEndObject();
	}

	private void writeRequest(Capture capture, CapturedMessage request) {
		this.json.writeObjectPropertyStart("request");
		this.json.writeStringProperty("method", capture.method());
		this.json.writeStringProperty("url", capture.upstreamUrl());
		this.json.writeStringProperty("httpVersion", "HTTP/1.1");
		this.json.writeArrayPropertyStart("cookies");
		this.json.writeEndArray();
		writeHeaders(request.headers());
		this.json.writeArrayPropertyStart("queryString");
		for (String parameter : query(capture.upstreamUrl())) {
			int equals = parameter.indexOf('=');
			this.json.writeStartObject();
			this.json.writeStringProperty("name", decode((equals < 0) ? parameter : parameter.substring(0, equals)));
			this.json.writeStringProperty("value", (equals < 0) ? "" : decode(parameter.substring(equals + 1)));
			this.json.writeEndObject();
		}
		this.json.writeEndArray();
		if (request.body() != null) {
			// HAR has no encoding for a request body: a binary one is written in base64,
			// and its comment says so.
			String text = CapturedBodies.text(request.contentType(), request.body(), request.bodyTruncated());
			this.json.writeObjectPropertyStart("postData");
			this.json.writeStringProperty("mimeType", mimeType(request.contentType()));
			this.json.writeStringProperty("text", (text != null) ? text : base64(request.body()));
			String comment = bodyComment(request, text == null);
			if (comment != null) {
				this.json.writeStringProperty("comment", comment);
			}
			this.json.writeEndObject();
		}
		this.json.writeNumberProperty("headersSize", -1);
		this.json.writeNumberProperty("bodySize", request.bodySize());
		this.json.writeEndObject();
	}

	private void writeResponse(Capture capture, CapturedMessage response) {
		int status = (capture.status() != null) ? capture.status() : 0;
		HttpStatus known = HttpStatus.resolve(status);
		this.json.writeObjectPropertyStart("response");
		this.json.writeNumberProperty("status", status);
		this.json.writeStringProperty("statusText", (known != null) ? known.getReasonPhrase() : "");
		this.json.writeStringProperty("httpVersion", "HTTP/1.1");
		this.json.writeArrayPropertyStart("cookies");
		this.json.writeEndArray();
		writeHeaders(response.headers());
		this.json.writeObjectPropertyStart("content");
		this.json.writeNumberProperty("size", response.bodySize());
		this.json.writeStringProperty("mimeType", mimeType(response.contentType()));
		if (response.body() != null) {
			String text = CapturedBodies.text(response.contentType(), response.body(), response.bodyTruncated());
			this.json.writeStringProperty("text", (text != null) ? text : base64(response.body()));
			if (text == null) {
				this.json.writeStringProperty("encoding", "base64");
			}
			String comment = bodyComment(response, false);
			if (comment != null) {
				this.json.writeStringProperty("comment", comment);
			}
		}
		this.json.writeEndObject();
		this.json.writeStringProperty("redirectURL", location(response.headers()));
		this.json.writeNumberProperty("headersSize", -1);
		this.json.writeNumberProperty("bodySize", response.bodySize());
		this.json.writeEndObject();
	}

	private void writeHeaders(List<Header> headers) {
		this.json.writeArrayPropertyStart("headers");
		for (Header header : headers) {
			this.json.writeStartObject();
			this.json.writeStringProperty("name", header.name());
			this.json.writeStringProperty("value", header.value());
			this.json.writeEndObject();
		}
		this.json.writeEndArray();
	}

	@Override
	public void close() {
		this.json.writeEndArray();
		this.json.writeEndObject();
		this.json.writeEndObject();
		this.json.close();
	}

	private static String comment(Capture capture) {
		StringBuilder comment = new StringBuilder("Capture " + capture.id() + ": " + capture.method() + " "
				+ capture.url() + " through the proxy, from " + capture.clientAddress() + ".");
		if (capture.failure() != null) {
			comment.append(" The upstream call failed: ").append(capture.failure());
		}
		if (capture.requestBodyTruncated()) {
			comment.append(" The request body was cut at the capture limit.");
		}
		if (capture.responseBodyTruncated()) {
			comment.append(" The response body was cut at the capture limit.");
		}
		return comment.toString();
	}

	private static @Nullable String bodyComment(CapturedMessage message, boolean base64) {
		String truncated = message.bodyTruncated() ? "Truncated: the first " + message.body().length + " of "
				+ message.bodySize() + " bytes were captured." : null;
		String encoded = base64 ? "Binary, written in base64." : null;
		if (truncated != null && encoded != null) {
			return truncated + " " + encoded;
		}
		return (truncated != null) ? truncated : encoded;
	}

	private static String mimeType(@Nullable String contentType) {
		return (contentType != null) ? contentType : "x-unknown";
	}

	private static String location(List<Header> headers) {
		return headers.stream()
			.filter((header) -> header.name().equalsIgnoreCase("Location"))
			.map(Header::value)
			.findFirst()
			.orElse("");
	}

	private static List<String> query(String url) {
		String query;
		try {
			query = URI.create(url).getRawQuery();
		}
		catch (IllegalArgumentException notAUri) {
			int mark = url.indexOf('?');
			query = (mark < 0) ? null : url.substring(mark + 1);
		}
		return (query == null || query.isEmpty()) ? List.of() : List.of(query.split("&"));
	}

	private static String decode(String part) {
		try {
			return URLDecoder.decode(part, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException malformed) {
			return part;
		}
	}

	private static String base64(byte[] body) {
		return java.util.Base64.getEncoder().encodeToString(body);
	}

}
