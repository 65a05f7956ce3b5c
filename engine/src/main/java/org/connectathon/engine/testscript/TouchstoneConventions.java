package org.connectathon.engine.testscript;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.hl7.fhir.r5.model.BooleanType;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.Element;
import org.hl7.fhir.r5.model.Extension;
import org.hl7.fhir.r5.model.TestScript;

/**
 * The extensions and codes outside the specification that scripts written for Touchstone
 * carry, and what the engine makes of each: Touchstone's own (published in its FHIR
 * Testing guide, {@code http://touchstone.aegis.net/touchstone/fhir/testing}) and
 * InteropLab's, which the Dutch collections use. Placeholders are {@link Placeholders}'.
 */
final class TouchstoneConventions {

	/** On {@code origin} and {@code destination}: whether it is the system under test. */
	static final String SYSTEM_UNDER_TEST = "http://fhir.interoplab.eu/fhir/StructureDefinition/Interoplab-CL-ext-SUT";

	/** R5's {@code assert.stopTestOnFail}, for R4 scripts. */
	static final String STOP_TEST_ON_FAIL = "http://touchstone.aegis.net/touchstone/fhir/testing/StructureDefinition/testscript-assert-stopTestOnFail";

	/** An assert evaluated by a Touchstone rule (Groovy, XSLT or Schematron). */
	static final String ASSERT_RULE = "http://touchstone.aegis.net/touchstone/fhir/testing/StructureDefinition/testscript-assert-rule";

	/** An assert on a query parameter of the request, evaluated by InteropLab's tools. */
	static final String ASSERT_QUERY_PARAMETER = "http://fhir.interoplab.eu/fhir/StructureDefinition/Interoplab-CL-ext-assert-query-parameter";

	/** InteropLab's operation codes; {@code purge} among them. */
	static final String INTEROPLAB_OPERATIONS = "http://fhir.interoplab.eu/fhir/CodeSystem/Interoplab-CL-operation-codes";

	/** Systems of the specification's operation codes, in every release. */
	private static final Set<String> STANDARD_OPERATIONS = Set.of(
			"http://terminology.hl7.org/CodeSystem/testscript-operation-codes",
			"http://hl7.org/fhir/testscript-operation-codes", "http://hl7.org/fhir/restful-interaction");

	/**
	 * Vendor operation codes whose meaning is clear, by system and code, to the code of
	 * the engine's that does the same. InteropLab's {@code purge} is the operation
	 * {@code Patient/[id]/$purge} of FHIR R6 and of AEGIS's WildFHIR server: delete the
	 * patient and everything in its compartment.
	 */
	private static final Map<String, String> VENDOR_OPERATIONS = Map.of(INTEROPLAB_OPERATIONS + "|purge", "purge");

	/** A {@code $operation} in params, not a {@code ${variable}}. */
	private static final Pattern OPERATION_CALL = Pattern.compile("\\$[A-Za-z]");

	/** Asserts that are judged by something the engine does not have. */
	private static final Map<String, String> UNSUPPORTED_ASSERTS = Map.of(ASSERT_RULE, "a Touchstone rule",
			ASSERT_QUERY_PARAMETER, "an InteropLab query parameter check");

	private TouchstoneConventions() {
	}

	/**
	 * The operation code the engine runs for an operation's type: the code itself when
	 * its system is the specification's (or absent) or when the operation states its
	 * request, the mapped code of a known vendor code, or {@code null} when there is no
	 * type.
	 * @throws ExecutionException for a vendor code the engine does not know
	 */
	static String operationCode(TestScript.SetupActionOperationComponent operation) {
		if (!operation.hasType()) {
			return null;
		}
		Coding type = operation.getType();
		if (!type.hasSystem() || STANDARD_OPERATIONS.contains(type.getSystem())) {
			return type.getCode();
		}
		String mapped = VENDOR_OPERATIONS.get(type.getSystem() + "|" + type.getCode());
		if (mapped == null && saysWhatToSend(operation)) {
			// an implementation guide's operation (IPS's summary) with its method, URL or
			// $operation written out: the code only names it, and the request is sent as
			// written, as it always was
			return type.getCode();
		}
		if (mapped == null) {
			throw new ExecutionException("CTN-3063: unsupported operation " + type.getCode() + " (code system "
					+ type.getSystem() + "): the engine knows the specification's operation codes and "
					+ VENDOR_OPERATIONS.keySet().stream().sorted().toList() + "; nothing was sent");
		}
		return mapped;
	}

	/**
	 * Whether the operation states its request without its code's meaning: a method, a
	 * URL, or params that call a {@code $operation}.
	 */
	private static boolean saysWhatToSend(TestScript.SetupActionOperationComponent operation) {
		return operation.hasMethod() || operation.hasUrl()
				|| (operation.hasParams() && OPERATION_CALL.matcher(operation.getParams()).find());
	}

	/**
	 * Whether a failed assert stops its test: R5's element, or Touchstone's extension.
	 */
	static boolean stopTestOnFail(TestScript.SetupActionAssertComponent assertion) {
		return assertion.getStopTestOnFail() || booleanExtension(assertion, STOP_TEST_ON_FAIL);
	}

	/**
	 * Why the engine cannot judge an assert, or {@code null} when it can: the assert is
	 * evaluated by a rule or check of a vendor's.
	 */
	static String unsupportedAssert(TestScript.SetupActionAssertComponent assertion) {
		for (Extension extension : assertion.getExtension()) {
			String kind = UNSUPPORTED_ASSERTS.get(extension.getUrl());
			if (kind != null) {
				String name = extension.hasValue() ? extension.getValue().primitiveValue()
						: extension.getExtensionString("ruleId");
				return "CTN-3064: unsupported: this assert is " + kind + (name == null ? "" : " '" + name + "'")
						+ " (extension " + extension.getUrl() + "), which the engine cannot evaluate";
			}
		}
		return null;
	}

	/**
	 * Whether the element's extension of this URL is present and true; absent means
	 * {@code false}.
	 */
	static boolean booleanExtension(Element element, String url) {
		Extension extension = element.getExtensionByUrl(url);
		return extension != null && extension.getValue() instanceof BooleanType flag && flag.booleanValue();
	}

	/** Whether the element carries an extension of this URL. */
	static boolean hasExtension(Element element, String url) {
		return element.getExtensionByUrl(url) != null;
	}

}
