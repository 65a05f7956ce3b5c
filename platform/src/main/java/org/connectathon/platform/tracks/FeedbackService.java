package org.connectathon.platform.tracks;

import java.util.List;

import jakarta.validation.Valid;

import org.connectathon.platform.ForbiddenException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.security.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Comments on the specification from testing a track: written by anyone taking part in
 * the event, triaged and exported by the track's leads.
 */
@Service
@Validated
public class FeedbackService {

	private final TrackService tracks;

	private final FeedbackRepository feedback;

	FeedbackService(TrackService tracks, FeedbackRepository feedback) {
		this.tracks = tracks;
		this.feedback = feedback;
	}

	public List<Feedback> findByTrack(long trackId, SignedInUser user) {
		this.tracks.find(trackId, user);
		return this.feedback.findByTrack(trackId);
	}

	@Transactional
	public Feedback submit(long trackId, @Valid FeedbackForm form, SignedInUser user) {
		Track track = this.tracks.find(trackId, user);
		if (user.organizationId() == null && !this.tracks.maySteer(track, user)) {
			throw new ForbiddenException("Participants and the track's leads comment on the specification.");
		}
		Track.Scenario scenario = TrackService.scenario(track, form.scenario());
		long id = this.feedback.insert(trackId, scenario.id(), form, user.id());
		return this.feedback.find(id).orElseThrow();
	}

	@Transactional
	public Feedback triage(long trackId, long feedbackId, @Valid FeedbackTriageForm form, SignedInUser user) {
		this.tracks.findForLead(trackId, user);
		find(trackId, feedbackId);
		this.feedback.triage(feedbackId, form, user.id());
		return this.feedback.find(feedbackId).orElseThrow();
	}

	/** The comments accepted as change requests, as CSV for the issue tracker. */
	public String exportChangeRequests(long trackId, SignedInUser user) {
		Track track = this.tracks.findForLead(trackId, user);
		return FeedbackCsv.write(track,
				this.feedback.findByTrack(trackId)
					.stream()
					.filter((comment) -> comment.triage() == FeedbackTriage.CHANGE_REQUEST)
					.toList());
	}

	private Feedback find(long trackId, long feedbackId) {
		return this.feedback.find(feedbackId)
			.filter((comment) -> comment.trackId() == trackId)
			.orElseThrow(() -> new NotFoundException("Feedback", feedbackId));
	}

}
