package org.connectathon.platform.proxy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.connectathon.engine.validation.IssueSeverity;
import org.connectathon.engine.validation.ValidationIssue;
import org.connectathon.engine.validation.ValidationReport;
import org.connectathon.platform.automation.EventTestScript;
import org.connectathon.platform.automation.TestScriptLibrary;
import org.connectathon.platform.catalog.Protocol;
import org.connectathon.platform.testing.TestDefinitionService;
import org.connectathon.platform.testing.TestInstanceService;
import org.connectathon.platform.testing.TestStep;
import org.connectathon.platform.validation.FhirValidation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Validates the FHIR bodies of one capture, request and response, with the platform's
 * validator: against FHIR and the profiles each resource declares, from the
 * implementation guides that the capture's step names through its TestScript, else those
 * that the event's TestScripts name, else FHIR alone. Tests name no profiles of their
 * own, and an event's scope names profiles by keyword, not by package.
 * <p>
 * A body that is not FHIR (no body, another content, JSON without a resource type, XML
 * outside the FHIR namespace) is not validated; a body that the proxy cut at its size
 * limit is not either, and an information issue says so. Nothing validated gives
 * {@link CaptureValidationStatus#SKIPPED}; a validator that cannot run (an implementation
 * guide missing from the package cache) gives {@link CaptureValidationStatus#FAILED} with
 * the reason.
 * <p>
 * Captures of another protocol go to the {@link MessageValidator} of their protocol.
 */
@Component
class CaptureValidator {

	private final CaptureRepository captures;

	private final FhirValidation validation;

	private final TestInstanceService instances;

	private final TestDefinitionService tests;

	private final TestScriptLibrary scripts;

	private final Map<Protocol, MessageValidator> otherProtocols = new EnumMap<>(Protocol.class);

	CaptureValidator(CaptureRepository captures, FhirValidation validation, TestInstanceService instances,
			TestDefinitionService tests, TestScriptLibrary scripts, List<MessageValidator> otherProtocols) {
		otherProtocols.forEach((validator) -> this.otherProtocols.put(validator.protocol(), validator));
		this.captures = captures;
		this.validation = validation;
		this.instances = instances;
		this.tests = tests;
		this.scripts = scripts;
	}

	CaptureValidation validate(Capture capture) {
		if (capture.protocol() != Protocol.FHIR) {
			return validateOtherProtocol(capture);
		}
		List<CaptureValidationIssue> issues = new ArrayList<>();
		Map<String, String> bodies = new LinkedHashMap<>();
		collect(CaptureValidationIssue.REQUEST, this.captures.findRequest(capture.id()), bodies, issues);
		collect(CaptureValidationIssue.RESPONSE, this.captures.findResponse(capture.id()), bodies, issues);
		if (bodies.isEmpty()) {
			if (issues.isEmpty()) {
				issues.add(information("", "No FHIR resource in the request or the response; nothing to validate."));
			}
			return new CaptureValidation(CaptureValidationStatus.SKIPPED, null, null, issues);
		}
		List<String> implementationGuides;
		try {
			implementationGuides = implementationGuides(capture);
			for (Map.Entry<String, String> body : bodies.entrySet()) {
				ValidationReport report = this.validation.validate(body.getValue(), implementationGuides, null)
					.report();
				for (ValidationIssue issue : report.issues()) {
					issues.add(new CaptureValidationIssue(body.getKey(), issue.severity().code(), issue.location(),
							issue.line(), issue.column(), issue.message()));
				}
			}
			return CaptureValidation.of(issues);
		}
		catch (RuntimeException failure) {
			issues.add(new CaptureValidationIssue("", IssueSeverity.FATAL.code(), "", null, null,
					"The validator could not run: " + failure.getMessage()));
			return new CaptureValidation(CaptureValidationStatus.FAILED, null, null, issues);
		}
	}

	private CaptureValidation validateOtherProtocol(Capture capture) {
		MessageValidator validator = this.otherProtocols.get(capture.protocol());
		if (validator == null) {
			return new CaptureValidation(CaptureValidationStatus.SKIPPED, null, null,
					List.of(information("", "The platform does not validate " + capture.protocol() + " messages.")));
		}
		try {
			return validator.validate(capture, this.captures.findRequest(capture.id()),
					this.captures.findResponse(capture.id()));
		}
		catch (RuntimeException failure) {
			return new CaptureValidation(CaptureValidationStatus.FAILED, null, null,
					List.of(new CaptureValidationIssue("", IssueSeverity.FATAL.code(), "", null, null,
							"The validator could not run: " + failure.getMessage())));
		}
	}

	/**
	 * Adds the body of the side to those to validate when it is whole FHIR JSON or XML; a
	 * body cut at the limit is noted instead.
	 */
	private static void collect(String side, Optional<CapturedMessage> message, Map<String, String> bodies,
			List<CaptureValidationIssue> issues) {
		if (message.isEmpty() || message.get().body() == null || message.get().body().length == 0) {
			return;
		}
		CapturedMessage found = message.get();
		String text = new String(found.body(), StandardCharsets.UTF_8);
		if (!isFhir(found.contentType(), text)) {
			return;
		}
		if (found.bodyTruncated()) {
			issues.add(information(side, "The " + side + " body was stored only in part (" + found.body().length
					+ " of " + found.bodySize() + " bytes, the proxy's limit); it was not validated."));
			return;
		}
		bodies.put(side, text);
	}

	/**
	 * FHIR JSON names its resource type; FHIR XML is in the FHIR namespace. The content
	 * type is only a hint: servers answer FHIR as {@code application/json} too.
	 */
	static boolean isFhir(@Nullable String contentType, String text) {
		String type = (contentType != null) ? contentType.toLowerCase(Locale.ROOT) : "";
		String start = text.stripLeading();
		boolean json = type.contains("json") || start.startsWith("{");
		boolean xml = type.contains("xml") || start.startsWith("<");
		if (json && start.startsWith("{")) {
			return text.contains("\"resourceType\"");
		}
		return xml && start.startsWith("<") && text.contains("http://hl7.org/fhir");
	}

	/**
	 * The implementation guides of the TestScript that the capture's step names, else of
	 * all the event's TestScripts (one version of each package), else none: FHIR alone.
	 */
	private List<String> implementationGuides(Capture capture) {
		List<EventTestScript> eventScripts = this.scripts.findInEvent(capture.eventId(), CaptureCorrelator.CORRELATION);
		String stepScript = stepScript(capture);
		if (stepScript != null) {
			Optional<EventTestScript> script = eventScripts.stream()
				.filter((candidate) -> candidate.keyword().equals(stepScript))
				.findFirst();
			if (script.isPresent()) {
				return script.get().implementationGuides();
			}
		}
		Map<String, String> byPackage = new LinkedHashMap<>();
		eventScripts.stream()
			.flatMap((script) -> script.implementationGuides().stream())
			.sorted()
			.forEach((guide) -> byPackage.putIfAbsent(guide.substring(0, Math.max(0, guide.indexOf('#'))), guide));
		return List.copyOf(byPackage.values());
	}

	private @Nullable String stepScript(Capture capture) {
		if (capture.testInstanceId() == null || capture.stepIndex() == null) {
			return null;
		}
		long testId = this.instances.find(capture.testInstanceId(), CaptureCorrelator.CORRELATION).testId();
		return this.tests.find(testId, CaptureCorrelator.CORRELATION)
			.steps()
			.stream()
			.filter((step) -> step.index() == capture.stepIndex())
			.map(TestStep::testScript)
			.filter((script) -> script != null)
			.findFirst()
			.orElse(null);
	}

	private static CaptureValidationIssue information(String side, String message) {
		return new CaptureValidationIssue(side, IssueSeverity.INFORMATION.code(), "", null, null, message);
	}

}
