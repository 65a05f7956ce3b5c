package org.connectathon.platform.catalog;

/** What a catalog import brought in: counts of profiles, actors and transactions read. */
public record ImportSummary(int profiles, int actors, int transactions) {

}
