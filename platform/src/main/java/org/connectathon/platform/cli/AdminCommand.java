package org.connectathon.platform.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.connectathon.platform.ConnectathonApplication;
import org.connectathon.platform.registration.OrganizationService;
import org.connectathon.platform.security.ApiTokenService;
import org.connectathon.platform.security.ApiTokenService.CreatedToken;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.security.User;
import org.connectathon.platform.security.UserService;
import org.connectathon.platform.security.UserService.NewUser;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Administration from the server's console, for the first organizer account and for
 * scripts: whoever can run this command on the machine owns the platform's data anyway.
 */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Administers users and API tokens.",
		subcommands = { AdminCommand.CreateUser.class, AdminCommand.CreateToken.class })
class AdminCommand {

	@Mixin
	DatabaseOptions database;

	/** Runs the work against the platform's database, without a web server. */
	<T> T withPlatform(Function<ConfigurableApplicationContext, T> work) {
		SpringApplication application = new SpringApplication(ConnectathonApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		List<String> arguments = new ArrayList<>(this.database.asArguments());
		arguments.add("--logging.level.root=WARN");
		// A command that ends at once takes no TestScript run from the queue of the
		// running platform.
		arguments.add("--connectathon.automation.workers=0");
		try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
			return work.apply(context);
		}
	}

	@Command(name = "create-user", mixinStandardHelpOptions = true, description = "Creates a user.")
	static class CreateUser implements Callable<Integer> {

		@ParentCommand
		AdminCommand admin;

		@Option(names = "--username", required = true)
		String username;

		@Option(names = "--password", required = true, arity = "0..1", interactive = true,
				description = "Password (at least 8 characters); asked for when given without a value.")
		String password;

		@Option(names = "--role", required = true, description = "One of: ${COMPLETION-CANDIDATES}.")
		Role role;

		@Option(names = "--organization",
				description = "Organization name; created when missing. " + "Required for participants.")
		String organization;

		@Option(names = "--display-name")
		String displayName;

		@Override
		public Integer call() {
			User user = this.admin.withPlatform((context) -> {
				Long organizationId = (this.organization == null) ? null
						: context.getBean(OrganizationService.class)
							.findOrCreateOrganization(this.organization, SignedInUser.machineOwner())
							.id();
				return context.getBean(UserService.class)
					.create(new NewUser(this.username, this.password, this.displayName, this.role, organizationId));
			});
			System.out.println("Created " + user.role().name().toLowerCase() + " '" + user.username() + "'.");
			return 0;
		}

	}

	@Command(name = "create-token", mixinStandardHelpOptions = true,
			description = "Creates an API token for a user and prints it once.")
	static class CreateToken implements Callable<Integer> {

		@ParentCommand
		AdminCommand admin;

		@Option(names = "--username", required = true)
		String username;

		@Option(names = "--name", defaultValue = "console", description = "What the token is for.")
		String name;

		@Override
		public Integer call() {
			CreatedToken token = this.admin.withPlatform((context) -> {
				User user = context.getBean(UserService.class).find(this.username);
				return context.getBean(ApiTokenService.class).create(user.id(), this.name);
			});
			System.out.println(token.secret());
			return 0;
		}

	}

}
