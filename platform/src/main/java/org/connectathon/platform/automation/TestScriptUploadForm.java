package org.connectathon.platform.automation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The TestScript upload form of an event's TestScripts page, beside its file: the
 * implementation guides chosen, kept when the upload is refused.
 *
 * @param ig the chosen implementation guides, {@code id#version}
 */
record TestScriptUploadForm(@Nullable List<String> ig) {

	static final TestScriptUploadForm EMPTY = new TestScriptUploadForm(List.of());

	List<String> implementationGuides() {
		return (this.ig != null) ? this.ig : List.of();
	}

}
