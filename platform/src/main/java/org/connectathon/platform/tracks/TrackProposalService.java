package org.connectathon.platform.tracks;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.Valid;

import org.connectathon.platform.ForbiddenException;
import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.security.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Track proposals of an event: anyone who sees the event proposes a track while the
 * event's proposal window is open, its leads revise it after a return, and a reviewer's
 * approval makes it a track of the event.
 */
@Service
@Validated
public class TrackProposalService {

	static final List<String> FHIR_VERSIONS = List.of("R4", "R4B", "R5");

	private static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9_-]{1,50}");

	private final TrackProposalRepository proposals;

	private final TrackProposalApproval approval;

	private final EventService events;

	private final UserService users;

	TrackProposalService(TrackProposalRepository proposals, TrackProposalApproval approval, EventService events,
			UserService users) {
		this.proposals = proposals;
		this.approval = approval;
		this.events = events;
		this.users = users;
	}

	/**
	 * The proposals of an event, or of every event when none is given: all of them for
	 * reviewers and organizers, the user's own for anyone else.
	 */
	public List<TrackProposal> findVisible(Long eventId, SignedInUser user) {
		if (eventId != null) {
			this.events.requireVisible(eventId, user);
		}
		return this.proposals.findAll(eventId, EventProposalService.seesAll(user), user.id());
	}

	/** A proposal its submitter, its leads, the reviewers and organizers see. */
	public TrackProposal find(long id, SignedInUser user) {
		return this.proposals.find(id)
			.filter((proposal) -> EventProposalService.seesAll(user) || proposal.isRevisableBy(user.id()))
			.orElseThrow(() -> new NotFoundException("Track proposal", id));
	}

	public TrackProposalWindow window(long eventId, SignedInUser user) {
		return window(this.events.find(eventId, user));
	}

	/** Sets when the event takes track proposals; its organizers only. */
	@Transactional
	public TrackProposalWindow changeWindow(long eventId, @Valid TrackProposalWindow window, SignedInUser user) {
		this.events.requireOrganizer(eventId, user);
		this.events.requireVisible(eventId, user);
		if (window.closesOn().isBefore(window.opensOn())) {
			throw new InvalidInputException("The window closes before it opens.",
					List.of("closesOn: on or after opensOn " + window.opensOn()));
		}
		this.proposals.saveWindow(eventId, window);
		return window;
	}

	/** A new proposal, refused outside the event's proposal window. */
	@Transactional
	public TrackProposal submit(long eventId, @Valid TrackProposalForm form, SignedInUser user) {
		Event event = this.events.find(eventId, user);
		TrackProposalWindow window = window(event);
		if (!window.isOpen(LocalDate.now(ZoneOffset.UTC))) {
			throw new RuleViolationException(
					"Track proposals for " + event.name() + " are taken from " + window.opensOn() + " through "
							+ window.closesOn() + "; today is " + LocalDate.now(ZoneOffset.UTC) + ".");
		}
		List<Long> leads = check(form, user);
		long id = this.proposals.insert(eventId, form, user.id(), leads);
		return this.proposals.find(id).orElseThrow();
	}

	/** A new version of a returned proposal, by its leads or its submitter. */
	@Transactional
	public TrackProposal revise(long id, @Valid TrackProposalForm form, SignedInUser user) {
		TrackProposal proposal = find(id, user);
		if (!proposal.isRevisableBy(user.id())) {
			throw new ForbiddenException("Only the proposal's leads or its submitter may revise it.");
		}
		EventProposalService.requireReturned(proposal.status(), "Track proposal " + id);
		List<Long> leads = check(form, user);
		this.proposals.revise(id, proposal.latest().version() + 1, form, user.id(), leads);
		return this.proposals.find(id).orElseThrow();
	}

	/** A reviewer's decision on the latest version; approval makes the track. */
	@Transactional
	public TrackProposal decide(long id, @Valid ReviewDecisionForm decision, SignedInUser user) {
		EventProposalService.requireReviewer(user);
		TrackProposal proposal = find(id, user);
		if (proposal.status() != ReviewStatus.SUBMITTED
				|| !this.proposals.decide(id, proposal.latest().version(), user.id(), decision)) {
			throw EventProposalService.alreadyDecided("Track proposal " + id, proposal.status());
		}
		if (decision.decision() == ReviewDecision.APPROVED) {
			this.proposals.setTrack(id, this.approval.createTrack(proposal));
		}
		return this.proposals.find(id).orElseThrow();
	}

	private TrackProposalWindow window(Event event) {
		return this.proposals.findWindow(event.id()).orElseGet(() -> TrackProposalWindow.defaultFor(event.startDate()));
	}

	/**
	 * Every problem bean validation cannot see; answers the leads' user ids, the
	 * submitter's when none is named.
	 */
	private List<Long> check(TrackProposalForm form, SignedInUser user) {
		List<String> problems = new ArrayList<>();
		String fhirVersion = form.specification().fhirVersion();
		if (fhirVersion == null || !FHIR_VERSIONS.contains(fhirVersion)) {
			problems.add("fhirVersion: one of " + String.join(", ", FHIR_VERSIONS) + ", not " + fhirVersion);
		}
		Set<String> roles = new HashSet<>();
		for (TrackProposalForm.Role role : form.roles()) {
			if (!KEYWORD.matcher(role.keyword()).matches()) {
				problems.add("keyword: " + role.keyword() + " is not letters, digits, dash or underscore");
			}
			else if (!roles.add(role.keyword())) {
				problems.add("keyword: role " + role.keyword() + " appears twice");
			}
		}
		for (int position = 1; position <= form.scenarios().size(); position++) {
			List<String> involved = form.scenarios().get(position - 1).roleList();
			for (String role : involved) {
				if (!roles.contains(role)) {
					problems.add("roles: scenario " + position + " names no role of the track: " + role);
				}
			}
			if (involved.size() == 1 || new HashSet<>(involved).size() != involved.size()) {
				problems.add("roles: scenario " + position + " involves two or more distinct roles");
			}
		}
		if (form.chatLink() != null && !form.chatLink().isBlank() && !isWebAddress(form.chatLink())) {
			problems.add("chatLink: not an http or https address: " + form.chatLink());
		}
		Set<Long> leads = new LinkedHashSet<>();
		for (String username : form.leadList()) {
			try {
				leads.add(this.users.find(username.strip()).id());
			}
			catch (NotFoundException unknown) {
				problems.add("leads: no user is named " + username.strip());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("The track proposal is incomplete; nothing was saved.", problems);
		}
		if (leads.isEmpty()) {
			leads.add(user.id());
		}
		return List.copyOf(leads);
	}

	private static boolean isWebAddress(String text) {
		try {
			URI address = new URI(text.strip());
			return ("http".equals(address.getScheme()) || "https".equals(address.getScheme()))
					&& address.getHost() != null;
		}
		catch (java.net.URISyntaxException malformed) {
			return false;
		}
	}

}
