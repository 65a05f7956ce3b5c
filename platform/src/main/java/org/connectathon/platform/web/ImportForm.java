package org.connectathon.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * An import form of the organizers' pages (catalog, test plan): an uploaded file, or else
 * the pasted text, which a refusal shows again.
 *
 * @param content the pasted text
 */
public record ImportForm(@Nullable String content) {

	public static final ImportForm EMPTY = new ImportForm(null);

	/** The file's bytes, or else the pasted text's; none when neither came. */
	public byte[] bytes(@Nullable MultipartFile file) throws IOException {
		if (file != null && !file.isEmpty()) {
			return file.getBytes();
		}
		return (this.content != null) ? this.content.getBytes(StandardCharsets.UTF_8) : new byte[0];
	}

}
