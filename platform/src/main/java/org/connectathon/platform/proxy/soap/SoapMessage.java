package org.connectathon.platform.proxy.soap;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;

import org.jspecify.annotations.Nullable;
import org.xml.sax.SAXException;

/**
 * A captured SOAP body split as SOAP sees it: the envelope's text and, for MTOM/XOP
 * ({@code multipart/related; type="application/xop+xml"}), the other MIME parts as
 * attachments. The multipart is read with Jakarta Mail's MIME parser (Angus).
 *
 * @param envelope the envelope's text (the root part of a multipart), null when there is
 * no body or it could not be read
 * @param envelopeContentType the content type of the envelope's text
 * @param multipart whether the body was MIME multipart
 * @param problem why the body could not be read as SOAP, null when it could
 */
public record SoapMessage(@Nullable String envelope, @Nullable String envelopeContentType, boolean multipart,
		List<SoapAttachment> attachments, @Nullable String problem) {

	public SoapMessage {
		attachments = List.copyOf(attachments);
	}

	/** Reads a captured body of the given content type; never throws on bad input. */
	public static SoapMessage read(@Nullable String contentType, byte @Nullable [] body) {
		if (body == null || body.length == 0) {
			return new SoapMessage(null, contentType, false, List.of(), null);
		}
		ContentType type = contentType(contentType);
		if (type != null && type.match("multipart/*")) {
			return readMultipart(type, contentType, body);
		}
		return new SoapMessage(new String(body, charset(type)), contentType, false, List.of(), null);
	}

	/**
	 * A plain (not multipart) body that was already read as text, by the charset of its
	 * content type.
	 */
	public static SoapMessage ofText(@Nullable String contentType, @Nullable String text) {
		return new SoapMessage((text == null || text.isEmpty()) ? null : text, contentType, false, List.of(), null);
	}

	/**
	 * The SOAP version of the envelope, {@code 1.1} or {@code 1.2}; null when it is not
	 * one.
	 */
	public @Nullable String soapVersion() {
		return parsed().map(SoapEnvelope::version).orElse(null);
	}

	/** The SAML assertion of the envelope's WS-Security header. */
	public Optional<SamlAssertion> samlAssertion() {
		return parsed().flatMap(SoapEnvelope::samlAssertion).map(SamlAssertion::of);
	}

	/**
	 * The line where each element of the XML text starts, by the XPath that the SOAP
	 * validation gives its issues (see {@link XmlPaths}).
	 */
	public static Map<String, Integer> elementLines(String xml) {
		return XmlPaths.lines(xml);
	}

	private Optional<SoapEnvelope> parsed() {
		if (this.envelope == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(new SoapEnvelope(XmlPaths.document(this.envelope)));
		}
		catch (SAXException | IOException malformed) {
			return Optional.empty();
		}
	}

	/** The attachment that an {@code xop:Include href="cid:..."} names. */
	public Optional<SoapAttachment> attachment(String href) {
		String contentId = URLDecoder.decode(href.startsWith("cid:") ? href.substring(4) : href,
				StandardCharsets.UTF_8);
		return this.attachments.stream().filter((attachment) -> attachment.contentId().equals(contentId)).findFirst();
	}

	/**
	 * The root part is the one the {@code start} parameter names, else the first; the
	 * others are attachments, numbered from 1 in their order.
	 */
	private static SoapMessage readMultipart(ContentType type, String contentType, byte[] body) {
		try {
			MimeMultipart parts = new MimeMultipart(new ByteArrayDataSource(body, contentType));
			int count = parts.getCount();
			if (count == 0) {
				return unreadable(contentType, "The multipart body holds no part.");
			}
			String start = type.getParameter("start");
			int root = 0;
			for (int index = 1; index < count && start != null; index++) {
				if (contentId(parts.getBodyPart(index)).equals(withoutBrackets(start))) {
					root = index;
				}
			}
			BodyPart rootPart = parts.getBodyPart(root);
			List<SoapAttachment> attachments = new ArrayList<>();
			for (int index = 0; index < count; index++) {
				if (index != root) {
					BodyPart part = parts.getBodyPart(index);
					attachments.add(new SoapAttachment(attachments.size() + 1, contentId(part),
							Optional.ofNullable(part.getContentType()).orElse("application/octet-stream"),
							bytes(part)));
				}
			}
			String rootType = rootPart.getContentType();
			String envelope = new String(bytes(rootPart), charset(contentType(rootType)));
			return new SoapMessage(envelope, rootType, true, attachments,
					parts.isComplete() ? null : "The multipart body ends before its closing boundary.");
		}
		catch (MessagingException | IOException | RuntimeException unreadable) {
			// The MIME parser reports bad input in several ways; each one is the
			// sender's.
			return unreadable(contentType, "The multipart body could not be read: " + unreadable.getMessage());
		}
	}

	private static SoapMessage unreadable(String contentType, String problem) {
		return new SoapMessage(null, contentType, true, List.of(), problem);
	}

	private static String contentId(BodyPart part) throws MessagingException {
		String[] ids = part.getHeader("Content-ID");
		if (ids == null || ids.length == 0) {
			return "";
		}
		return withoutBrackets(ids[0]);
	}

	private static String withoutBrackets(String id) {
		String stripped = id.strip();
		return (stripped.startsWith("<") && stripped.endsWith(">")) ? stripped.substring(1, stripped.length() - 1)
				: stripped;
	}

	private static byte[] bytes(BodyPart part) throws MessagingException, IOException {
		try (InputStream content = part.getInputStream()) {
			return content.readAllBytes();
		}
	}

	private static @Nullable ContentType contentType(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return null;
		}
		try {
			return new ContentType(contentType);
		}
		catch (ParseException unreadable) {
			return null;
		}
	}

	private static Charset charset(@Nullable ContentType type) {
		String name = (type != null) ? type.getParameter("charset") : null;
		if (name == null) {
			return StandardCharsets.UTF_8;
		}
		try {
			return Charset.forName(name.toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			return StandardCharsets.UTF_8;
		}
	}

}
