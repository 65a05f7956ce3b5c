package org.connectathon.platform.proxy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import jakarta.servlet.http.HttpServletResponse;

import org.connectathon.engine.validation.JsonLocator;
import org.connectathon.platform.ListPage;
import org.connectathon.platform.catalog.Protocol;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.proxy.CaptureDetails.Message;
import org.connectathon.platform.proxy.CaptureIssue.Side;
import org.connectathon.platform.proxy.CapturedBodies.Syntax;
import org.connectathon.platform.proxy.soap.SoapAttachment;
import org.connectathon.platform.registration.RegisteredSystem;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.TestInstance;
import org.connectathon.platform.testing.TestInstanceService;
import org.connectathon.platform.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The capture pages: the lists of an event (filtered, live) and of an instance, a
 * capture's detail with its bodies indented and its validation issues beside the lines
 * they concern, and the HAR downloads.
 */
@Controller
class CapturePageController {

	static final int PAGE_SIZE = 50;

	private static final String FILTERS = "filters";

	private final CaptureService captures;

	private final EventService events;

	private final TestInstanceService instances;

	CapturePageController(CaptureService captures, EventService events, TestInstanceService instances) {
		this.captures = captures;
		this.events = events;
		this.instances = instances;
	}

	/** The event's captures, newest first, with the filters of a GET form. */
	@GetMapping("/events/{eventId}/captures")
	String eventCaptures(@PathVariable long eventId, @ModelAttribute(FILTERS) CaptureFilterForm filters,
			BindingResult result, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("event", this.events.find(eventId, user));
		model.addAttribute("captures",
				Forms.submit(result, () -> this.captures.findInEvent(eventId, filters, page, PAGE_SIZE, user))
					.orElseGet(() -> new ListPage<>(List.of(), 0, PAGE_SIZE, 0)));
		model.addAttribute("listPath", listPath("/events/" + eventId + "/captures", filters));
		List<RegisteredSystem> systems = this.captures.systemsOf(eventId, user);
		model.addAttribute("systems", systems);
		Map<Long, String> organizations = new LinkedHashMap<>();
		systems.stream()
			.sorted(Comparator.comparing(RegisteredSystem::organizationName, String.CASE_INSENSITIVE_ORDER))
			.forEach((system) -> organizations.put(system.organizationId(), system.organizationName()));
		model.addAttribute("organizations", organizations);
		model.addAttribute("validationStatuses", CaptureValidationStatus.values());
		model.addAttribute("dropped", this.captures.droppedOnThisNode());
		model.addAttribute("systemNames", this.captures.systemNames(eventId, user));
		return "proxy/captures";
	}

	/** The instance's captures, newest first, with the instance's HAR download. */
	@GetMapping("/test-instances/{id}/captures")
	String instanceCaptures(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal SignedInUser user, Model model) {
		TestInstance instance = this.instances.find(id, user);
		model.addAttribute("instance", instance);
		model.addAttribute("captures",
				this.captures.findOfInstance(id, CaptureFilterForm.none(), page, PAGE_SIZE, user));
		model.addAttribute("listPath", "/test-instances/" + id + "/captures");
		model.addAttribute("systemNames", this.captures.systemNames(instance.eventId(), user));
		model.addAttribute("dropped", this.captures.droppedOnThisNode());
		return "proxy/instance-captures";
	}

	@GetMapping("/captures/{id}")
	String capture(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		CaptureDetails details = this.captures.details(id, user);
		model.addAttribute("details", details);
		model.addAttribute("capture", details.capture());
		model.addAttribute("requestView", BodyView.of(details.request(), issuesOf(details, Side.REQUEST)));
		model.addAttribute("responseView", BodyView.of(details.response(), issuesOf(details, Side.RESPONSE)));
		model.addAttribute("otherIssues",
				details.validationIssues().stream().filter((issue) -> issue.side() == null).toList());
		if (details.capture().protocol() == Protocol.SOAP) {
			SoapBodyView request = SoapBodyView.of(details.request(), issuesOf(details, Side.REQUEST), 1);
			model.addAttribute("requestSoap", request);
			model.addAttribute("responseSoap", SoapBodyView.of(details.response(), issuesOf(details, Side.RESPONSE),
					request.attachments().size() + 1));
		}
		return "proxy/capture";
	}

	/**
	 * An MTOM attachment of a SOAP capture, as a download whatever its type: it came from
	 * a participant's system.
	 */
	@GetMapping("/captures/{id}/attachments/{number}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable int number,
			@AuthenticationPrincipal SignedInUser user) {
		SoapAttachment attachment = this.captures.soapAttachment(id, number, user);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("capture-" + id + "-attachment-" + number)
						.build()
						.toString())
			.body(attachment.content());
	}

	@GetMapping("/captures/{id}/har")
	void har(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, HttpServletResponse response)
			throws IOException {
		CaptureApiController.download(this.captures.archiveOf(id, user), this.captures, response);
	}

	@GetMapping("/test-instances/{id}/captures/har")
	void instanceHar(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, HttpServletResponse response)
			throws IOException {
		CaptureApiController.download(this.captures.archiveOfInstance(id, user), this.captures, response);
	}

	/** The list's address with its filters, to which the paging links add the page. */
	private static String listPath(String path, CaptureFilterForm filters) {
		UriComponentsBuilder address = UriComponentsBuilder.fromPath(path);
		filters.given().forEach(address::queryParam);
		return address.encode().build().toUriString();
	}

	private static List<CaptureIssue> issuesOf(CaptureDetails details, Side side) {
		return details.validationIssues().stream().filter((issue) -> issue.side() == side).toList();
	}

	/**
	 * A body as the detail page shows it: its lines, indented, each with the issues that
	 * concern it; the issues that no line could be found for, listed under it; or, for a
	 * binary body, its size only.
	 */
	record BodyView(Message message, boolean binary, List<SourceLine> lines, List<CaptureIssue> unplacedIssues) {

		static BodyView of(Message message, List<CaptureIssue> issues) {
			String text = message.bodyText();
			if (text == null) {
				return new BodyView(message, message.bodyBase64() != null, List.of(), issues);
			}
			Syntax syntax = Syntax.of(message.contentType(), text);
			String shown = CapturedBodies.indented(text, syntax, message.bodyTruncated());
			boolean asStored = shown.equals(text);
			String[] lines = shown.split("\\R", -1);
			List<List<CaptureIssue>> issuesByLine = new ArrayList<>();
			for (int index = 0; index < lines.length; index++) {
				issuesByLine.add(new ArrayList<>());
			}
			List<CaptureIssue> unplaced = new ArrayList<>();
			for (CaptureIssue issue : issues) {
				OptionalInt line = lineOf(issue, shown, syntax, asStored);
				if (line.isPresent() && line.getAsInt() >= 1 && line.getAsInt() <= lines.length) {
					issuesByLine.get(line.getAsInt() - 1).add(issue);
				}
				else {
					unplaced.add(issue);
				}
			}
			List<SourceLine> numbered = new ArrayList<>(lines.length);
			for (int index = 0; index < lines.length; index++) {
				numbered.add(new SourceLine(index + 1, lines[index], issuesByLine.get(index)));
			}
			return new BodyView(message, false, numbered, unplaced);
		}

		/**
		 * JSON issues are placed by their FHIRPath in the text shown; others by the line
		 * the validator saw, when the text is shown as it was stored.
		 */
		private static OptionalInt lineOf(CaptureIssue issue, String shown, Syntax syntax, boolean asStored) {
			if (syntax == Syntax.JSON && issue.location() != null) {
				OptionalInt found = JsonLocator.lineOf(shown, issue.location());
				if (found.isPresent()) {
					return found;
				}
			}
			return (asStored && issue.line() != null) ? OptionalInt.of(issue.line()) : OptionalInt.empty();
		}

	}

	/**
	 * One line of a body and the issues that concern it.
	 */
	record SourceLine(int number, String text, List<CaptureIssue> issues) {

		/** The severity of its worst issue, for the line's style; null without issues. */
		public @Nullable String severity() {
			if (this.issues.isEmpty()) {
				return null;
			}
			return this.issues.stream().anyMatch(CaptureIssue::isError) ? "error" : this.issues.get(0).severity();
		}

		/** The line read as an HL7 v2 segment, for the HL7 v2 view. */
		public List<Hl7v2Fields.Field> hl7v2Fields() {
			return Hl7v2Fields.of(this.text);
		}

	}

}
