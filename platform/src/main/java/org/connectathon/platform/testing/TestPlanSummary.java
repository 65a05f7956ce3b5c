package org.connectathon.platform.testing;

/**
 * What a test plan import brought in: counts of meta-tests, tests, roles and steps read.
 */
public record TestPlanSummary(int metaTests, int tests, int roles, int steps) {

}
