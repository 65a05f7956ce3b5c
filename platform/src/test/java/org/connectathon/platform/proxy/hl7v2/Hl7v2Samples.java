package org.connectathon.platform.proxy.hl7v2;

/** HL7 v2 messages as IHE transactions carry them, for the tests. */
final class Hl7v2Samples {

	/** ITI-8, a patient identity feed: a patient admitted. */
	static final String ADT_A01 = String.join("\r",
			"MSH|^~\\&|SENDER|ACME|PIX_MANAGER|GLOBEX|20261207120000||ADT^A01^ADT_A01|MSG00001|P|2.5",
			"EVN|A01|20261207120000",
			"PID|1||PAT-0001^^^ACME&1.3.6.1.4.1.21367.13.20.1000&ISO^PI||Doe^Jane||19800101|F", "PV1|1|I") + "\r";

	/** ITI-8 with neither the patient's identifier (PID-3) nor name (PID-5). */
	static final String ADT_A01_WITHOUT_IDENTIFIER = String.join("\r",
			"MSH|^~\\&|SENDER|ACME|PIX_MANAGER|GLOBEX|20261207120000||ADT^A01^ADT_A01|MSG00002|P|2.5",
			"EVN|A01|20261207120000", "PID|1||||||19800101|F", "PV1|1|I") + "\r";

	/** ITI-21, a patient demographics query. */
	static final String QBP_Q22 = String.join("\r",
			"MSH|^~\\&|CONSUMER|ACME|PDQ_SUPPLIER|GLOBEX|20261207120000||QBP^Q22^QBP_Q21|MSG00003|P|2.5",
			"QPD|IHE PDQ Query|QRY00003|@PID.5.1^Doe", "RCP|I|10^RD") + "\r";

	private Hl7v2Samples() {
	}

}
