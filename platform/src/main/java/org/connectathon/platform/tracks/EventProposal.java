package org.connectathon.platform.tracks;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A proposed out-of-cycle connectathon with every version its proposers submitted and the
 * reviewers' decisions.
 *
 * @param coordinatorUserId the user who organizes the event once approved
 * @param eventId the draft event the approved proposal became
 * @param criteria the latest version's criteria, met or missing
 */
public record EventProposal(long id, String name, ReviewStatus status, long submittedBy, String submitterName,
		long coordinatorUserId, @Nullable Long eventId, List<ReviewVersion<EventProposalForm>> versions,
		List<Review> reviews, List<ReviewCriterion> criteria) {

	public ReviewVersion<EventProposalForm> latest() {
		return this.versions.get(this.versions.size() - 1);
	}

}
