package org.connectathon.platform.cli;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.connectathon.platform.ConnectathonApplication;
import org.connectathon.platform.registration.OrganizationService;
import org.connectathon.platform.security.ApiToken;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Administration from the server's console, for the first organizer account and for
 * scripts: whoever can run this command on the machine owns the platform's data anyway.
 */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Administers users and API tokens.",
		subcommands = { AdminCommand.CreateUser.class, AdminCommand.CreateToken.class, AdminCommand.ListTokens.class,
				AdminCommand.RevokeToken.class, AdminCommand.DisableUser.class, AdminCommand.EnableUser.class })
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

	void setEnabled(String username, boolean enabled) {
		withPlatform((context) -> {
			UserService users = context.getBean(UserService.class);
			return users.setEnabled(SignedInUser.machineOwner(), users.find(username).id(), enabled);
		});
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
			description = "Creates an API token for a user and prints it once (its expiry goes to standard error).")
	static class CreateToken implements Callable<Integer> {

		@ParentCommand
		AdminCommand admin;

		@Spec
		CommandSpec spec;

		@Option(names = "--username", required = true)
		String username;

		@Option(names = "--name", defaultValue = "console", description = "What the token is for.")
		String name;

		@Option(names = "--lifetime-days", description = "Days until the token expires: 1 to 365 (default: 90).")
		Integer lifetimeDays;

		@Option(names = "--expires-at", description = "When the token expires instead, e.g. 2026-12-31T00:00:00Z.")
		OffsetDateTime expiresAt;

		@Override
		public Integer call() {
			CreatedToken token = this.admin.withPlatform((context) -> {
				User user = context.getBean(UserService.class).find(this.username);
				return context.getBean(ApiTokenService.class)
					.create(user.id(), this.name, this.lifetimeDays, this.expiresAt);
			});
			System.out.println(token.secret());
			// Apart from the secret, so that TOKEN=$(connectathon admin create-token ...)
			// catches the secret alone.
			this.spec.commandLine().getErr().println("Expires " + token.expiresAt() + ".");
			return 0;
		}

	}

	@Command(name = "list-tokens", mixinStandardHelpOptions = true,
			description = "Lists a user's API tokens: id, name, created, last used, expiry.")
	static class ListTokens implements Callable<Integer> {

		@ParentCommand
		AdminCommand admin;

		@Option(names = "--username", required = true)
		String username;

		@Override
		public Integer call() {
			List<ApiToken> tokens = this.admin.withPlatform((context) -> {
				User user = context.getBean(UserService.class).find(this.username);
				return context.getBean(ApiTokenService.class).findOwnedBy(SignedInUser.machineOwner(), user.id());
			});
			if (tokens.isEmpty()) {
				System.out.println("'" + this.username + "' has no API tokens.");
			}
			OffsetDateTime now = OffsetDateTime.now();
			for (ApiToken token : tokens) {
				System.out.println(token.id() + "\t" + token.name() + "\tcreated " + token.createdAt() + "\tlast used "
						+ ((token.lastUsedAt() != null) ? token.lastUsedAt() : "never")
						+ (token.expiresAt().isAfter(now) ? "\texpires " : "\texpired ") + token.expiresAt());
			}
			return 0;
		}

	}

	@Command(name = "revoke-token", mixinStandardHelpOptions = true,
			description = "Revokes an API token (its id from list-tokens): it is refused from the next call.")
	static class RevokeToken implements Callable<Integer> {

		@ParentCommand
		AdminCommand admin;

		@Option(names = "--id", required = true, description = "The token's id, as list-tokens shows it.")
		long id;

		@Override
		public Integer call() {
			this.admin.withPlatform((context) -> {
				context.getBean(ApiTokenService.class).revoke(SignedInUser.machineOwner(), this.id);
				return null;
			});
			System.out.println("Revoked token " + this.id + ".");
			return 0;
		}

	}

	@Command(name = "disable-user", mixinStandardHelpOptions = true,
			description = "Disables a user: sign-in refused, page sessions ended, API tokens refused.")
	static class DisableUser implements Callable<Integer> {

		@ParentCommand
		AdminCommand admin;

		@Option(names = "--username", required = true)
		String username;

		@Override
		public Integer call() {
			this.admin.setEnabled(this.username, false);
			System.out.println("Disabled '" + this.username + "'.");
			return 0;
		}

	}

	@Command(name = "enable-user", mixinStandardHelpOptions = true,
			description = "Enables a disabled user again, with the API tokens they had.")
	static class EnableUser implements Callable<Integer> {

		@ParentCommand
		AdminCommand admin;

		@Option(names = "--username", required = true)
		String username;

		@Override
		public Integer call() {
			this.admin.setEnabled(this.username, true);
			System.out.println("Enabled '" + this.username + "'.");
			return 0;
		}

	}

}
