package org.connectathon.platform.tracks;

import java.util.List;

import jakarta.validation.Valid;

import org.connectathon.platform.ForbiddenException;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.security.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Results of scenarios run without monitors: recorded for a client-server pair that
 * signed up to the track, by a participant of either system's organization or by a track
 * lead, and kept whole (a new result adds to the pair's history).
 */
@Service
@Validated
public class ScenarioResultService {

	private final TrackService tracks;

	private final SignUpRepository signUps;

	private final ScenarioResultRepository results;

	ScenarioResultService(TrackService tracks, SignUpRepository signUps, ScenarioResultRepository results) {
		this.tracks = tracks;
		this.signUps = signUps;
		this.results = results;
	}

	/** Every result of the track, the history of each pair included, oldest first. */
	public List<ScenarioResult> findByTrack(long trackId, SignedInUser user) {
		this.tracks.find(trackId, user);
		return this.results.findByTrack(trackId);
	}

	public ScenarioResultMatrix matrix(long trackId, SignedInUser user) {
		Track track = this.tracks.find(trackId, user);
		return ScenarioResultMatrix.of(track, this.signUps.findByTrack(trackId), this.results.findByTrack(trackId));
	}

	@Transactional
	public ScenarioResult record(long trackId, @Valid ScenarioResultForm form, SignedInUser user) {
		Track track = this.tracks.find(trackId, user);
		Track.Scenario scenario = TrackService.scenario(track, form.scenario());
		List<SignUp> signedUp = this.signUps.findByTrack(trackId);
		SignUp client = signedUp.stream()
			.filter((signUp) -> !signUp.isServer() && signUp.systemId() == form.clientSystemId())
			.findFirst()
			.orElseThrow(() -> new RuleViolationException("System " + form.clientSystemId()
					+ " is not signed up as a client in " + track.name() + ": only signed-up pairs record results."));
		SignUp server = signedUp.stream()
			.filter((signUp) -> signUp.isServer() && signUp.systemId() == form.serverSystemId())
			.findFirst()
			.orElseThrow(() -> new RuleViolationException("System " + form.serverSystemId()
					+ " is not signed up as a server in " + track.name() + ": only signed-up pairs record results."));
		if (!user.actsFor(client.organizationId()) && !user.actsFor(server.organizationId())
				&& !this.tracks.maySteer(track, user)) {
			throw new ForbiddenException("Only participants of " + client.systemName() + " or " + server.systemName()
					+ ", or the track's leads, record this pair's results.");
		}
		long id = this.results.insert(trackId, scenario.id(), form, user.id());
		return this.results.find(id);
	}

}
