package org.connectathon.platform.proxy.soap;

/**
 * One MIME part of an MTOM/XOP message besides its root envelope: a document that an
 * {@code xop:Include} of the envelope refers to by its content id.
 *
 * @param number the 1-based position among the attachments, as the capture page lists and
 * downloads them
 * @param contentId the part's {@code Content-ID} without its angle brackets, empty when
 * it has none
 * @param content the part's bytes, decoded from its transfer encoding
 */
public record SoapAttachment(int number, String contentId, String contentType, byte[] content) {

	public long size() {
		return this.content.length;
	}

}
