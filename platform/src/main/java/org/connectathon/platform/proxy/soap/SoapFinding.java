package org.connectathon.platform.proxy.soap;

import org.jspecify.annotations.Nullable;

/**
 * One finding in a SOAP body before it becomes a capture validation issue: its severity
 * (FHIR's codes, as every capture issue), the XPath of the element concerned (see
 * {@link XmlPaths}) and a message that starts with the requirement it checks.
 *
 * @param line the line in the envelope when the finder knew it, else null (the validator
 * finds it from the path)
 */
record SoapFinding(String severity, String path, @Nullable Integer line, @Nullable Integer column, String message) {

	static SoapFinding error(String path, String message) {
		return new SoapFinding("error", path, null, null, message);
	}

	static SoapFinding warning(String path, String message) {
		return new SoapFinding("warning", path, null, null, message);
	}

	static SoapFinding information(String path, String message) {
		return new SoapFinding("information", path, null, null, message);
	}

}
