package org.connectathon.platform;

import java.nio.file.Path;

import org.connectathon.platform.registration.OrganizationForm;
import org.connectathon.platform.registration.OrganizationService;
import org.connectathon.platform.security.SignedInUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default keeps its data in files under the home folder, across restarts.
 */
class PersistenceTests {

	@TempDir
	Path home;

	@Test
	void shouldKeepDataAcrossARestartOfTheEmbeddedDatabase() {
		String name = Fixtures.unique("Durable Health");
		try (ConfigurableApplicationContext first = start()) {
			first.getBean(OrganizationService.class)
				.create(new OrganizationForm(name, null, null), SignedInUser.machineOwner());
		}
		try (ConfigurableApplicationContext second = start()) {
			assertThat(second.getBean(OrganizationService.class).findAll())
				.anySatisfy((organization) -> assertThat(organization.name()).isEqualTo(name));
		}
		assertThat(this.home.resolve("connectathon.mv.db")).exists();
	}

	private ConfigurableApplicationContext start() {
		SpringApplication application = new SpringApplication(ConnectathonApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		// Without the test profile: the default database, a file under the home folder.
		return application.run("--spring.profiles.active=default", "--connectathon.home=" + this.home);
	}

}
