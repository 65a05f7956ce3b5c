package org.connectathon.platform.tracks;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.validation.Valid;

import org.connectathon.platform.ForbiddenException;
import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventForm;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.security.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Proposals of out-of-cycle connectathons: anyone signed in proposes one, the management
 * group (reviewer role) approves it into a draft event organized by its coordinator, or
 * returns it to be revised.
 */
@Service
@Validated
public class EventProposalService {

	private final EventProposalRepository proposals;

	private final EventService events;

	private final UserService users;

	EventProposalService(EventProposalRepository proposals, EventService events, UserService users) {
		this.proposals = proposals;
		this.events = events;
		this.users = users;
	}

	/** Every proposal for reviewers and organizers; the user's own for anyone else. */
	public List<EventProposal> findVisible(SignedInUser user) {
		return this.proposals.findAll(seesAll(user), user.id());
	}

	/** A proposal its submitter, its coordinator, the reviewers and organizers see. */
	public EventProposal find(long id, SignedInUser user) {
		return this.proposals.find(id)
			.filter((proposal) -> seesAll(user) || proposal.submittedBy() == user.id()
					|| proposal.coordinatorUserId() == user.id())
			.orElseThrow(() -> new NotFoundException("Event proposal", id));
	}

	@Transactional
	public EventProposal submit(@Valid EventProposalForm form, SignedInUser user) {
		check(form);
		long id = this.proposals.insert(form, user.id(), coordinatorOf(form, user));
		return this.proposals.find(id).orElseThrow();
	}

	/** A new version of a returned proposal, by its submitter or coordinator. */
	@Transactional
	public EventProposal revise(long id, @Valid EventProposalForm form, SignedInUser user) {
		EventProposal proposal = find(id, user);
		if (proposal.submittedBy() != user.id() && proposal.coordinatorUserId() != user.id()) {
			throw new ForbiddenException("Only the proposal's submitter or coordinator may revise it.");
		}
		requireReturned(proposal.status(), "Event proposal " + id);
		check(form);
		this.proposals.revise(id, proposal.latest().version() + 1, form, user.id(), coordinatorOf(form, user));
		return this.proposals.find(id).orElseThrow();
	}

	/** A reviewer's decision on the latest version; approval creates the draft event. */
	@Transactional
	public EventProposal decide(long id, @Valid ReviewDecisionForm decision, SignedInUser user) {
		requireReviewer(user);
		EventProposal proposal = find(id, user);
		if (proposal.status() != ReviewStatus.SUBMITTED
				|| !this.proposals.decide(id, proposal.latest().version(), user.id(), decision)) {
			throw alreadyDecided("Event proposal " + id, proposal.status());
		}
		if (decision.decision() == ReviewDecision.APPROVED) {
			EventProposalForm content = proposal.latest().content();
			Event event = this.events.createProposed(new EventForm(content.name().strip(), content.description(),
					content.location(), content.startDate(), content.endDate(),
					content.startDate().atTime(LocalTime.MIDNIGHT).atOffset(ZoneOffset.UTC), null, List.of(), false),
					proposal.coordinatorUserId());
			this.proposals.setEvent(id, event.id());
		}
		return this.proposals.find(id).orElseThrow();
	}

	static void requireReviewer(SignedInUser user) {
		if (user.role() != Role.REVIEWER) {
			throw new ForbiddenException("Only reviewers (the management group) decide on proposals.");
		}
	}

	static void requireReturned(ReviewStatus status, String what) {
		if (status != ReviewStatus.RETURNED) {
			throw new RuleViolationException(
					what + " is " + status.name().toLowerCase() + "; only a returned proposal can be revised.");
		}
	}

	static RuleViolationException alreadyDecided(String what, ReviewStatus status) {
		return new RuleViolationException(what + " is " + status.name().toLowerCase() + (status == ReviewStatus.RETURNED
				? "; it can be decided again once its authors revise it." : "; it was decided already."));
	}

	static boolean seesAll(SignedInUser user) {
		return user.role() == Role.REVIEWER || user.isAdmin();
	}

	private void check(EventProposalForm form) {
		if (form.endDate().isBefore(form.startDate())) {
			throw new InvalidInputException("The event ends before it starts.",
					List.of("endDate: on or after startDate " + form.startDate()));
		}
		if (form.specification() != null && form.specification().fhirVersion() != null
				&& !TrackProposalService.FHIR_VERSIONS.contains(form.specification().fhirVersion())) {
			throw new InvalidInputException("Unknown FHIR version.",
					List.of("fhirVersion: one of " + String.join(", ", TrackProposalService.FHIR_VERSIONS) + ", not "
							+ form.specification().fhirVersion()));
		}
	}

	private long coordinatorOf(EventProposalForm form, SignedInUser user) {
		String username = form.coordinator().username();
		if (username == null || username.isBlank()) {
			return user.id();
		}
		try {
			return this.users.find(username.strip()).id();
		}
		catch (NotFoundException unknown) {
			throw new InvalidInputException("The coordinator has no account here.",
					List.of("username: no user is named " + username.strip()));
		}
	}

}
