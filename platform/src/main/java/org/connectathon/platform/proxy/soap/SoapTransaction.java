package org.connectathon.platform.proxy.soap;

import java.util.Arrays;
import java.util.Optional;

/**
 * The IHE SOAP transactions whose bodies the platform knows: the element each side's body
 * holds and the schemas it is validated against (ITI TF-2 and TF-3: ebRIM/ebRS 3.0 with
 * the XDS.b schema for the document-sharing transactions, HL7 v3 for XCPD). A transaction
 * of the catalog that is not here has its envelope checked only.
 */
enum SoapTransaction {

	ITI_18("ITI-18", Schemas.XDS, Schemas.XDS, Names.QUERY, "AdhocQueryRequest", Names.QUERY, "AdhocQueryResponse"),

	ITI_38("ITI-38", Schemas.XDS, Schemas.XDS, Names.QUERY, "AdhocQueryRequest", Names.QUERY, "AdhocQueryResponse"),

	ITI_39("ITI-39", Schemas.XDS, Schemas.XDS, Names.XDS_B, "RetrieveDocumentSetRequest", Names.XDS_B,
			"RetrieveDocumentSetResponse"),

	ITI_41("ITI-41", Schemas.XDS, Schemas.XDS, Names.XDS_B, "ProvideAndRegisterDocumentSetRequest", Names.RS,
			"RegistryResponse"),

	ITI_42("ITI-42", Schemas.XDS, Schemas.XDS, Names.LCM, "SubmitObjectsRequest", Names.RS, "RegistryResponse"),

	ITI_43("ITI-43", Schemas.XDS, Schemas.XDS, Names.XDS_B, "RetrieveDocumentSetRequest", Names.XDS_B,
			"RetrieveDocumentSetResponse"),

	ITI_55("ITI-55", Schemas.PRPA_IN201305UV02, Schemas.PRPA_IN201306UV02, Names.HL7V3, "PRPA_IN201305UV02",
			Names.HL7V3, "PRPA_IN201306UV02");

	/** The schema sets, each loaded once from IPF's jars. */
	enum Schemas {

		/** ebRIM/ebRS 3.0 and the XDS.b messages. */
		XDS,

		/** HL7 v3 Normative Edition 2008: XCPD's request. */
		PRPA_IN201305UV02,

		/** HL7 v3 Normative Edition 2008: XCPD's response. */
		PRPA_IN201306UV02

	}

	/** The namespaces of the bodies. */
	static final class Names {

		static final String QUERY = "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0";

		static final String RS = "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0";

		static final String LCM = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";

		static final String RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";

		static final String XDS_B = "urn:ihe:iti:xds-b:2007";

		static final String HL7V3 = "urn:hl7-org:v3";

		private Names() {
		}

	}

	private final String keyword;

	private final Schemas requestSchemas;

	private final Schemas responseSchemas;

	private final String requestNamespace;

	private final String requestElement;

	private final String responseNamespace;

	private final String responseElement;

	SoapTransaction(String keyword, Schemas requestSchemas, Schemas responseSchemas, String requestNamespace,
			String requestElement, String responseNamespace, String responseElement) {
		this.keyword = keyword;
		this.requestSchemas = requestSchemas;
		this.responseSchemas = responseSchemas;
		this.requestNamespace = requestNamespace;
		this.requestElement = requestElement;
		this.responseNamespace = responseNamespace;
		this.responseElement = responseElement;
	}

	/**
	 * XCPD answers with its own action; the other transactions with theirs +
	 * {@code Response}.
	 */
	private static final String XCPD_REQUEST = "urn:hl7-org:v3:PRPA_IN201305UV02:CrossGatewayPatientDiscovery";

	/**
	 * The WS-Addressing action of the answer to a request of that action (ITI TF-2:
	 * {@code Response} appended, except for XCPD's PRPA_IN201306UV02).
	 */
	static String responseAction(String requestAction) {
		return XCPD_REQUEST.equals(requestAction) ? "urn:hl7-org:v3:PRPA_IN201306UV02:CrossGatewayPatientDiscovery"
				: requestAction + "Response";
	}

	/**
	 * The transaction of that catalog keyword ({@code ITI-38}, or qualified by its
	 * profile: {@code XCA:ITI-38}), if the platform knows it.
	 */
	static Optional<SoapTransaction> of(String keyword) {
		String bare = keyword.substring(keyword.indexOf(':') + 1);
		return Arrays.stream(values()).filter((transaction) -> transaction.keyword.equalsIgnoreCase(bare)).findFirst();
	}

	String keyword() {
		return this.keyword;
	}

	Schemas schemas(boolean request) {
		return request ? this.requestSchemas : this.responseSchemas;
	}

	String namespace(boolean request) {
		return request ? this.requestNamespace : this.responseNamespace;
	}

	String element(boolean request) {
		return request ? this.requestElement : this.responseElement;
	}

}
