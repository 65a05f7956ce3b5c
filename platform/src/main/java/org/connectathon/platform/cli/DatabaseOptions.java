package org.connectathon.platform.cli;

import java.util.Properties;

import picocli.CommandLine.Option;

/**
 * Where the platform keeps its data. Without options the embedded H2 database under
 * {@code $CONNECTATHON_HOME} (default {@code ./data}) is used; {@code --db-url} or
 * {@code CONNECTATHON_DB_URL} selects PostgreSQL.
 */
class DatabaseOptions {

	@Option(names = "--home", description = "Data folder for the embedded database and caches "
			+ "(default: $CONNECTATHON_HOME or ./data).")
	String home;

	@Option(names = "--db-url", description = "JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/connectathon "
			+ "(default: $CONNECTATHON_DB_URL or the embedded H2 database).")
	String url;

	@Option(names = "--db-user", description = "Database user (default: $CONNECTATHON_DB_USER).")
	String user;

	@Option(names = "--db-password", description = "Database password (default: $CONNECTATHON_DB_PASSWORD).",
			arity = "0..1", interactive = true)
	String password;

	/** Options given on the command line win over the environment, which wins over defaults. */
	Properties asProperties() {
		Properties properties = new Properties();
		putIfGiven(properties, "connectathon.home", home);
		putIfGiven(properties, "connectathon.db.url", url);
		putIfGiven(properties, "connectathon.db.user", user);
		putIfGiven(properties, "connectathon.db.password", password);
		return properties;
	}

	private static void putIfGiven(Properties properties, String key, String value) {
		if (value != null) {
			properties.put(key, value);
		}
	}

}
