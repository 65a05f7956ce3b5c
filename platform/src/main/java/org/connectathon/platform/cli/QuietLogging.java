package org.connectathon.platform.cli;

import java.util.logging.Level;
import java.util.logging.LogManager;

import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test tools print their own results; HAPI's and Tomcat's start-up chatter would bury
 * them, so the commands that run without Spring keep only warnings.
 */
final class QuietLogging {

	private QuietLogging() {
	}

	static void apply() {
		if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
			root.setLevel(ch.qos.logback.classic.Level.WARN);
		}
		// the core definitions HAPI loads carry elements of later releases, reported one
		// by one
		if (LoggerFactory.getLogger("ca.uhn.fhir.parser.LenientErrorHandler") instanceof Logger lenient) {
			lenient.setLevel(ch.qos.logback.classic.Level.ERROR);
		}
		java.util.logging.Logger julRoot = LogManager.getLogManager().getLogger("");
		julRoot.setLevel(Level.WARNING);
		for (java.util.logging.Handler handler : julRoot.getHandlers()) {
			handler.setLevel(Level.WARNING);
		}
	}

}
