package org.connectathon.platform.testing;

import org.connectathon.platform.evidence.Evidence;
import org.connectathon.platform.evidence.EvidenceForm;
import org.connectathon.platform.evidence.EvidenceKind;
import org.connectathon.platform.evidence.EvidenceService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.connectathon.platform.ListFilters;
import org.connectathon.platform.ListPage;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.event.EventStatus;
import org.connectathon.platform.registration.PublishedRegistration;
import org.connectathon.platform.registration.SystemService;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.StartForm.Participant;
import org.connectathon.platform.web.Forms;
import org.connectathon.platform.web.PageMessage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages to start a test instance, follow it, and attach its evidence. */
@Controller
class TestInstancePageController {

	static final int PAGE_SIZE = 50;

	private static final String FILTERS = "filters";

	private static final String ROLE_FIELD = "role-";

	private static final String EVIDENCE_FORM = "evidenceForm";

	private static final String STATUS_FORM = "statusForm";

	/** The systems chosen for each role, by role keyword, as ids typed. */
	private static final String START_FORM = "startForm";

	private final TestInstanceService instances;

	private final EvidenceService evidence;

	private final TestDefinitionService tests;

	private final EventService events;

	private final SystemService systems;

	TestInstancePageController(TestInstanceService instances, EvidenceService evidence, TestDefinitionService tests,
			EventService events, SystemService systems) {
		this.instances = instances;
		this.evidence = evidence;
		this.tests = tests;
		this.events = events;
		this.systems = systems;
	}

	/** The test with, for those who may start it, the systems that can play each role. */
	@GetMapping("/tests/{id}/instances/new")
	String initStartForm(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute(START_FORM, Map.of());
		return startView(id, user, model);
	}

	/**
	 * Each role's chosen systems come in its {@code role-KEYWORD} field, several when the
	 * role allows; a refusal answers the form with them chosen.
	 */
	@PostMapping("/tests/{id}/instances")
	String processStartForm(@PathVariable long id, @RequestParam MultiValueMap<String, String> values,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect, Model model) {
		Map<String, List<String>> chosen = new LinkedHashMap<>();
		values.forEach((field, systemIds) -> {
			if (field.startsWith(ROLE_FIELD)) {
				chosen.put(field.substring(ROLE_FIELD.length()),
						systemIds.stream().filter((systemId) -> !systemId.isBlank()).toList());
			}
		});
		BindingResult result = Forms.unboundForm(START_FORM, chosen, model);
		List<Participant> participants = new ArrayList<>();
		chosen.forEach((role, systemIds) -> systemIds.forEach((systemId) -> {
			try {
				participants.add(new Participant(role, Long.parseLong(systemId)));
			}
			catch (NumberFormatException notASystem) {
				result.reject("instance.start.unknownSystem", new Object[] { systemId }, null);
			}
		}));
		Optional<TestInstance> instance = Forms.submit(result,
				() -> this.instances.start(id, new StartForm(participants), user));
		if (instance.isEmpty()) {
			return startView(id, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE,
				PageMessage.of("instance.started", instance.get().testKeyword()));
		return "redirect:/test-instances/" + instance.get().id();
	}

	private String startView(long id, SignedInUser user, Model model) {
		TestDefinition test = this.tests.find(id, user);
		Event event = this.events.find(test.eventId(), user);
		List<PublishedRegistration> registrations = this.systems.findPublishedRegistrations(event.id(), user);
		model.addAttribute("test", test);
		model.addAttribute("event", event);
		model.addAttribute("candidates", test.roles()
			.stream()
			.collect(Collectors.toMap(TestRole::keyword, (role) -> registrations.stream()
				.filter((registration) -> registration.actorId() == role.actorId()
						&& (role.optionKeyword() == null || role.optionKeyword().equals(registration.optionKeyword())))
				.toList())));
		model.addAttribute("canStart", event.status() == EventStatus.OPEN || event.status() == EventStatus.RUNNING);
		return "testing/instance-new";
	}

	/**
	 * The event's instances, a page at a time, with the filters and sort of a GET form
	 * kept in the address.
	 */
	@GetMapping("/events/{eventId}/test-instances")
	String instances(@PathVariable long eventId, @RequestParam(defaultValue = "false") boolean mine,
			@ModelAttribute(FILTERS) ListFilters filters, BindingResult result,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal SignedInUser user, Model model) {
		Event event = this.events.find(eventId, user);
		model.addAttribute("event", event);
		model.addAttribute("instances",
				Forms.submit(result, () -> this.instances.findInEvent(eventId, mine, filters, page, PAGE_SIZE, user))
					.orElseGet(() -> new ListPage<>(List.of(), 0, PAGE_SIZE, 0)));
		model.addAttribute("mine", mine);
		String listBase = "/events/" + eventId + "/test-instances" + (mine ? "?mine=true" : "");
		model.addAttribute("listBase", listBase);
		model.addAttribute("listPath", filters.path(listBase));
		model.addAttribute("statuses", TestInstanceStatus.values());
		model.addAttribute("profiles", event.profiles());
		model.addAttribute("organizations", this.systems.organizationsInEvent(eventId, user));
		return "testing/instances";
	}

	@GetMapping("/test-instances/{id}")
	String instance(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		return instanceView(id, user, model);
	}

	/**
	 * The instance page with its forms: the one refused, with what was typed, and the
	 * others as new.
	 */
	private String instanceView(long id, SignedInUser user, Model model) {
		if (!model.containsAttribute(EVIDENCE_FORM)) {
			model.addAttribute(EVIDENCE_FORM, new EvidenceForm(EvidenceKind.COMMENT, null, null, null));
		}
		if (!model.containsAttribute(STATUS_FORM)) {
			model.addAttribute(STATUS_FORM, new StatusForm(TestInstanceStatus.RUNNING, null));
		}
		TestInstanceDetails details = this.evidence.details(id, user);
		TestInstance instance = details.instance();
		boolean takingPart = user.isAdmin()
				|| (user.organizationId() != null && instance.involves(user.organizationId()));
		model.addAttribute("details", details);
		model.addAttribute("instance", instance);
		model.addAttribute("test", details.test());
		model.addAttribute("takingPart", takingPart);
		model.addAttribute("moves", takingPart ? instance.status().participantMoves() : List.of());
		model.addAttribute("open", !instance.status().participantMoves().isEmpty());
		model.addAttribute("stepStatuses", StepStatus.values());
		model.addAttribute("contentKinds",
				Arrays.stream(EvidenceKind.values()).filter(EvidenceKind::hasContent).toList());
		return "testing/instance";
	}

	/**
	 * An evidence file from the instance page, with the session: the same service, so the
	 * same readers, as the API's route, which takes bearer tokens only.
	 */
	@GetMapping("/evidence/{id}/content")
	ResponseEntity<byte[]> evidenceContent(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.evidence.content(id, user).asDownload();
	}

	@PostMapping("/test-instances/{id}/status")
	String changeStatus(@PathVariable long id, @ModelAttribute(STATUS_FORM) StatusForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect, Model model) {
		if (Forms.submit(result, () -> this.instances.changeStatus(id, form, user)).isEmpty()) {
			return instanceView(id, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("instance.saved"));
		return "redirect:/test-instances/" + id;
	}

	@PostMapping("/test-instances/{id}/critical")
	String setCritical(@PathVariable long id, @RequestParam boolean critical,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal SignedInUser user) {
		this.instances.setCritical(id, new CriticalForm(critical, reason), user);
		return "redirect:/test-instances/" + id;
	}

	@PostMapping("/test-instances/{id}/steps/{index}")
	String changeStep(@PathVariable long id, @PathVariable int index, @RequestParam StepStatus status,
			@AuthenticationPrincipal SignedInUser user) {
		this.instances.changeStep(id, index, status, user);
		return "redirect:/test-instances/" + id;
	}

	/**
	 * A comment or a link, or, when a file comes, stored content of the chosen kind. A
	 * refusal answers the page with what was typed (a browser does not send a file
	 * again).
	 */
	@PostMapping("/test-instances/{id}/evidence")
	String addEvidence(@PathVariable long id, @ModelAttribute(EVIDENCE_FORM) EvidenceForm form, BindingResult result,
			@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect, Model model) throws IOException {
		byte[] content = (file != null && !file.isEmpty()) ? file.getBytes() : null;
		Optional<Evidence> added = Forms.submit(result,
				() -> (content != null) ? this.evidence.upload(id, form.stepIndex(), form.kind(),
						file.getOriginalFilename(), file.getContentType(), content, form.text(), user)
						: this.evidence.add(id, form, user));
		if (added.isEmpty()) {
			return instanceView(id, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("instance.evidence.added"));
		return "redirect:/test-instances/" + id;
	}

}
