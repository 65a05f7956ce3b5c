package org.connectathon.platform.results;

/** A grade as the rules compute it, with what it was computed from. */
record ComputedGrade(Grade grade, Indicators indicators) {

}
