/**
 * The FHIR TestScript engine: {@link org.connectathon.engine.testscript.TestScriptLoader}
 * reads R4 and R5 scripts, {@link org.connectathon.engine.testscript.TestScriptRunner}
 * runs them over HTTP and returns a
 * {@link org.connectathon.engine.testscript.ScriptResult} with the TestReport. See
 * docs/testscript-engine.md for what is supported.
 */
package org.connectathon.engine.testscript;
