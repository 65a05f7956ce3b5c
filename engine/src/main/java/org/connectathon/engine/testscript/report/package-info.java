/**
 * Writing the results of TestScript runs: TestReport files, summary.json, JUnit XML, the
 * console summary.
 */
package org.connectathon.engine.testscript.report;
