package org.connectathon.platform.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.connectathon.platform.ConnectathonApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Starts the web platform. The console shows a short banner and warnings or errors only;
 * the whole log goes to a rotated file under the home folder. On an empty database it
 * seeds the demo event and prints its sign-ins (see {@code DemoEventSeeder}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Starts the platform.")
class ServeCommand implements Callable<Integer> {

	/** Spring Boot's rolling file appender rotates it (10 MB a file, 7 days kept). */
	static final String LOG_FILE = "${connectathon.home}/logs/connectathon.log";

	private static volatile boolean serving;

	@Spec
	CommandSpec command;

	@Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
	int port;

	@Option(names = "--no-demo", description = "Do not seed the demo event into an empty database.")
	boolean noDemo;

	@Option(names = "--verbose", description = "Show the framework's log on the console, not only warnings.")
	boolean verbose;

	@Mixin
	DatabaseOptions database;

	@Override
	public Integer call() {
		SpringApplication application = new SpringApplication(ConnectathonApplication.class);
		application.setDefaultProperties(logging());
		List<String> arguments = new ArrayList<>(this.database.asArguments());
		arguments.add("--server.port=" + this.port);
		arguments.add("--connectathon.demo.enabled=" + !this.noDemo);
		ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
		serving = context.isActive();
		System.out.println(ServeBanner.of(this.command.root().version()[0], context.getEnvironment()));
		return 0;
	}

	/**
	 * Default properties, so that {@code LOGGING_THRESHOLD_CONSOLE=INFO} or any other
	 * logging property given in the environment wins. HAPI's lenient parser warns about
	 * elements of the implementation guides' own definitions as the validator loads them
	 * (the demo's IPS guide on the first start): nothing a user can act on, so, as for
	 * the commands without Spring ({@link CliLogging}), only its errors show unless
	 * {@code --verbose}.
	 */
	Map<String, Object> logging() {
		Map<String, Object> logging = new HashMap<>();
		logging.put("logging.file.name", LOG_FILE);
		if (!this.verbose) {
			logging.put("logging.threshold.console", "WARN");
			logging.put("logging.level." + CliLogging.HAPI_LENIENT_PARSER, "ERROR");
		}
		return logging;
	}

	static boolean isServing() {
		return serving;
	}

}
