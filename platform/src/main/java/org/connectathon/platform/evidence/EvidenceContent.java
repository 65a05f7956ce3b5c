package org.connectathon.platform.evidence;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The stored content of a piece of evidence, to download. */
public record EvidenceContent(String fileName, String contentType, byte[] content) {

	/**
	 * The answer of both download routes (the API's and the pages'): always an
	 * attachment, never sniffed nor run as a page of the platform, since a participant
	 * chose its type and bytes and the page route carries the reader's session.
	 */
	public ResponseEntity<byte[]> asDownload() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(this.contentType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(this.fileName).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox")
			.body(this.content);
	}

}
