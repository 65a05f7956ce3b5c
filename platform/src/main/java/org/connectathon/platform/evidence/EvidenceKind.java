package org.connectathon.platform.evidence;

/** What a piece of evidence is: text, a link, or stored content. */
public enum EvidenceKind {

	COMMENT(false), LINK(false), FILE(true),

	/** A FHIR TestReport of an engine run. */
	TEST_REPORT(true),

	/** A validator's report on a document or message. */
	VALIDATION_REPORT(true),

	/** An HTTP exchange that a tool recorded, uploaded as a file. */
	CAPTURED_EXCHANGE(true);

	private final boolean hasContent;

	EvidenceKind(boolean hasContent) {
		this.hasContent = hasContent;
	}

	/**
	 * Whether the evidence is stored content (uploaded or produced by a tool) rather than
	 * text.
	 */
	public boolean hasContent() {
		return this.hasContent;
	}

}
