package org.connectathon.platform.proxy.hl7v2;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The characters of an HL7 v2 message's bytes. MSH-18 names the character set only
 * sometimes, and systems send UTF-8 without naming it: bytes that are valid UTF-8 are
 * read as UTF-8, others as ISO 8859-1 (which reads any byte, so nothing is lost).
 */
final class Hl7v2Text {

	/** The content type captures of HL7 v2 messages carry, before their charset. */
	static final String CONTENT_TYPE = "application/hl7-v2";

	/**
	 * What ends a segment: HL7 says a carriage return, and messages pasted from files or
	 * pages come with line feeds.
	 */
	static final Pattern SEGMENT_END = Pattern.compile("\r\n|\r|\n");

	private Hl7v2Text() {
	}

	static Charset charsetOf(byte[] message) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(message));
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException notUtf8) {
			return StandardCharsets.ISO_8859_1;
		}
	}

	static String text(byte[] message) {
		return new String(message, charsetOf(message));
	}

	/**
	 * The message's segments, the n-th at index n - 1 (the line the capture page shows it
	 * on).
	 */
	static String[] segments(String message) {
		return SEGMENT_END.split(message.strip());
	}

	static String contentType(byte[] message) {
		return CONTENT_TYPE + "; charset=" + charsetOf(message).name();
	}

}
