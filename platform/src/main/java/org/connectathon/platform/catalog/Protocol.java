package org.connectathon.platform.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * What an endpoint speaks and an exchange crossed the wire as: the recording proxy
 * captures, identifies and validates each the same way, and a transaction's
 * {@link RequestPattern} starts with the protocol's prefix.
 */
public enum Protocol {

	/** FHIR's RESTful API over HTTP. */
	FHIR("fhir"),

	/** SOAP 1.1 or 1.2 web services over HTTP, as IHE's document sharing uses them. */
	SOAP("soap"),

	/** HL7 version 2 messages over MLLP. */
	HL7V2("hl7v2");

	private final String prefix;

	Protocol(String prefix) {
		this.prefix = prefix;
	}

	/**
	 * The prefix that a request pattern of the protocol starts with, before its colon.
	 */
	public String prefix() {
		return this.prefix;
	}

	/** The protocol whose prefix this is, in any case. */
	static Optional<Protocol> ofPrefix(String prefix) {
		String lower = prefix.toLowerCase(Locale.ROOT);
		for (Protocol protocol : values()) {
			if (protocol.prefix.equals(lower)) {
				return Optional.of(protocol);
			}
		}
		return Optional.empty();
	}

}
