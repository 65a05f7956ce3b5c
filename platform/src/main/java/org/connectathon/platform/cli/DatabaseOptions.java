package org.connectathon.platform.cli;

import java.util.ArrayList;
import java.util.List;

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

	/**
	 * The options as Spring arguments, which win over the environment and
	 * application.properties (default properties would lose to both).
	 */
	List<String> asArguments() {
		List<String> arguments = new ArrayList<>();
		addIfGiven(arguments, "connectathon.home", this.home);
		addIfGiven(arguments, "connectathon.db.url", this.url);
		addIfGiven(arguments, "connectathon.db.user", this.user);
		addIfGiven(arguments, "connectathon.db.password", this.password);
		return arguments;
	}

	private static void addIfGiven(List<String> arguments, String key, String value) {
		if (value != null) {
			arguments.add("--" + key + "=" + value);
		}
	}

}
