package org.connectathon.platform.dashboard;

/**
 * The grades of the registrations for one actor of a profile: how many have each grade,
 * and how many have no instance that changed yet (not graded).
 */
public record ActorGrades(String profileKeyword, String actorKeyword, long pass, long atRisk, long didNotComplete,
		long noPeerAvailable, long withdrawn, long notGraded) {

}
