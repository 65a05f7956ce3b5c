package org.connectathon.platform.tracks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.connectathon.platform.security.SignedInUser;
import org.springframework.stereotype.Service;

/**
 * Generates tracks' report-outs from their sign-ups, scenario results and feedback, for
 * whoever sees the event: a report-out is read aloud to everyone at the end.
 */
@Service
public class ReportService {

	private static final Set<FeedbackTriage> SET_ASIDE = Set.of(FeedbackTriage.DUPLICATE,
			FeedbackTriage.NOT_A_SPECIFICATION_ISSUE);

	private final TrackService tracks;

	private final SignUpRepository signUps;

	private final ScenarioResultRepository results;

	private final FeedbackRepository feedback;

	ReportService(TrackService tracks, SignUpRepository signUps, ScenarioResultRepository results,
			FeedbackRepository feedback) {
		this.tracks = tracks;
		this.signUps = signUps;
		this.results = results;
		this.feedback = feedback;
	}

	public Report report(long trackId, SignedInUser user) {
		return report(this.tracks.find(trackId, user));
	}

	public ReportOfEvent reportOfEvent(long eventId, SignedInUser user) {
		List<Report> reports = this.tracks.findInEvent(eventId, user).stream().map(this::report).toList();
		Map<String, Map<ScenarioResultOutcome, Integer>> bySpecification = new LinkedHashMap<>();
		for (Report report : reports) {
			Map<ScenarioResultOutcome, Integer> counts = bySpecification.computeIfAbsent(report.specificationLabel(),
					(label) -> new EnumMap<>(ScenarioResultOutcome.class));
			report.counts().forEach((outcome, count) -> counts.merge(outcome, count, Integer::sum));
		}
		return new ReportOfEvent(eventId, reports, bySpecification);
	}

	private Report report(Track track) {
		List<SignUp> signedUp = this.signUps.findByTrack(track.id());
		ScenarioResultMatrix matrix = ScenarioResultMatrix.of(track, signedUp, this.results.findByTrack(track.id()));
		List<Report.RoleParticipants> participants = track.roles()
			.stream()
			.map((role) -> new Report.RoleParticipants(role.keyword(), role.name(),
					signedUp.stream()
						.filter((signUp) -> signUp.roleId() == role.id())
						.map((signUp) -> signUp.systemName() + " (" + signUp.organizationName() + ")")
						.toList()))
			.toList();
		Map<Long, String> systemNames = new LinkedHashMap<>();
		signedUp.forEach((signUp) -> systemNames.put(signUp.systemId(), signUp.systemName()));
		List<Report.ScenarioSummary> scenarios = new ArrayList<>();
		List<Report.Finding> findings = new ArrayList<>();
		for (ScenarioResultMatrix.ScenarioMatrix scenario : matrix.scenarios()) {
			scenarios.add(new Report.ScenarioSummary(scenario.keyword(), scenario.action(), scenario.cells().size(),
					scenario.counts()));
			for (ScenarioResultMatrix.Cell cell : scenario.cells()) {
				if (cell.result() != ScenarioResultOutcome.PASS || cell.comment() != null) {
					findings.add(new Report.Finding(scenario.keyword(),
							systemNames.getOrDefault(cell.clientSystemId(), "#" + cell.clientSystemId()),
							systemNames.getOrDefault(cell.serverSystemId(), "#" + cell.serverSystemId()), cell.result(),
							cell.comment(), cell.links()));
				}
			}
		}
		List<Feedback> standing = this.feedback.findByTrack(track.id())
			.stream()
			.filter((comment) -> comment.triage() == null || !SET_ASIDE.contains(comment.triage()))
			.toList();
		return new Report(track.id(), track.eventId(), track.name(), track.workGroup(), track.specification(),
				this.tracks.leadNames(track), track.chatLink(), participants, scenarios, matrix.counts(), findings,
				standing);
	}

}
