package org.connectathon.platform.tracks;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A proposed track of an event with every version its leads submitted and the reviewers'
 * decisions.
 *
 * @param leadUserIds the users who lead it, as the latest version names them
 * @param trackId the track the approved proposal became
 * @param criteria the latest version's criteria, met or missing
 */
public record TrackProposal(long id, long eventId, String name, ReviewStatus status, long submittedBy,
		String submitterName, List<Long> leadUserIds, @Nullable Long trackId,
		List<ReviewVersion<TrackProposalForm>> versions, List<Review> reviews, List<ReviewCriterion> criteria) {

	public ReviewVersion<TrackProposalForm> latest() {
		return this.versions.get(this.versions.size() - 1);
	}

	/** Its leads and its submitter revise it. */
	public boolean isRevisableBy(long userId) {
		return this.submittedBy == userId || this.leadUserIds.contains(userId);
	}

}
