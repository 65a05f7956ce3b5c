package org.connectathon.platform.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;

/**
 * Keeps library logging (HAPI's informational chatter) off the console of the commands
 * that run without Spring, whose output people and scripts read; warnings and errors
 * still show. Spring configures logging itself for {@code serve}.
 */
final class CliLogging {

	private CliLogging() {
	}

	static void showWarningsOnly() {
		if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
			root.setLevel(Level.WARN);
		}
	}

}
