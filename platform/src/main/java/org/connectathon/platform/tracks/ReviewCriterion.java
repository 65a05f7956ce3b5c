package org.connectathon.platform.tracks;

/**
 * One criterion the management group weighs, shown as met or missing; the decision stays
 * the reviewer's judgment, so a missing criterion refuses nothing.
 *
 * @param criterion the criterion's name, as the pages' messages key it
 * ({@code review.criterion.<name>})
 */
public record ReviewCriterion(String criterion, boolean met) {

}
