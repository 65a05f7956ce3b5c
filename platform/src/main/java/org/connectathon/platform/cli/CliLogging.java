package org.connectathon.platform.cli;

import java.util.logging.LogManager;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps library logging (HAPI's and Tomcat's chatter) off the console of the commands
 * that run without Spring, whose output people and scripts read; warnings and errors
 * still show. Spring configures logging itself for {@code serve}.
 */
final class CliLogging {

	/**
	 * HAPI's lenient parser warns about elements of its own bundled core definitions
	 * while the first start caches them; nothing a user can act on, so only its errors
	 * show.
	 */
	static final String HAPI_LENIENT_PARSER = "ca.uhn.fhir.parser.LenientErrorHandler";

	private CliLogging() {
	}

	static void showWarningsOnly() {
		setLevel(Logger.ROOT_LOGGER_NAME, Level.WARN);
		setLevel(HAPI_LENIENT_PARSER, Level.ERROR);
		// the embedded Tomcat of the reference server logs through java.util.logging
		java.util.logging.Logger julRoot = LogManager.getLogManager().getLogger("");
		julRoot.setLevel(java.util.logging.Level.WARNING);
		for (java.util.logging.Handler handler : julRoot.getHandlers()) {
			handler.setLevel(java.util.logging.Level.WARNING);
		}
	}

	private static void setLevel(String loggerName, Level level) {
		if (LoggerFactory.getLogger(loggerName) instanceof ch.qos.logback.classic.Logger logger) {
			logger.setLevel(level);
		}
	}

}
