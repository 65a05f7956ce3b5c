package org.connectathon.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/**
 * A repository alone on the Flyway schema of the test database that
 * {@code spring.profiles.active} selects (H2 in memory, or PostgreSQL in the CI run), as
 * {@link PlatformIntegrationTest} does for the whole platform: no web server, no
 * services. Each test runs in a transaction that is rolled back; the repository under
 * test comes with {@code @Import}, and {@link TableRows} writes what it needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@JdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Import(TableRows.class)
public @interface RepositoryTest {

}
