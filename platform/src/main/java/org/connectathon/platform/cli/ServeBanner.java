package org.connectathon.platform.cli;

import java.nio.file.Path;

import org.springframework.core.env.Environment;

/**
 * What {@code serve} prints once the platform answers: version, address, database, home
 * folder and log file. Passwords in the database URL are not shown.
 */
final class ServeBanner {

	private ServeBanner() {
	}

	static String of(String version, Environment environment) {
		String home = Path.of(environment.getProperty("connectathon.home", "./data"))
			.toAbsolutePath()
			.normalize()
			.toString();
		String database = environment.getProperty("spring.datasource.url", "")
			.replaceAll("(?i)(password=)[^&;]*", "$1***");
		String logFile = Path.of(environment.resolvePlaceholders(ServeCommand.LOG_FILE))
			.toAbsolutePath()
			.normalize()
			.toString();
		return String.format(
				"%n  %s is running at http://localhost:%s/%n    database     %s%n    home folder  %s%n"
						+ "    log file     %s%n",
				version, environment.getProperty("local.server.port"), database, home, logFile);
	}

}
