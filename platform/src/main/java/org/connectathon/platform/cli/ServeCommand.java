package org.connectathon.platform.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.connectathon.platform.ConnectathonApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Starts the web platform. On an empty database it seeds the demo event and prints its
 * sign-ins (see {@code DemoEventSeeder}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Starts the platform.")
class ServeCommand implements Callable<Integer> {

	private static volatile boolean serving;

	@Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
	int port;

	@Option(names = "--no-demo", description = "Do not seed the demo event into an empty database.")
	boolean noDemo;

	@Mixin
	DatabaseOptions database;

	@Override
	public Integer call() {
		SpringApplication application = new SpringApplication(ConnectathonApplication.class);
		List<String> arguments = new ArrayList<>(this.database.asArguments());
		arguments.add("--server.port=" + this.port);
		arguments.add("--connectathon.demo.enabled=" + !this.noDemo);
		ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
		serving = context.isActive();
		return 0;
	}

	static boolean isServing() {
		return serving;
	}

}
