package org.connectathon.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole platform on a random port, on the test database that
 * {@code spring.profiles.active} selects (H2 in memory, or PostgreSQL in the CI run).
 * Every class shares one running platform, so tests create their own data with
 * {@link Fixtures} under unique names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Fixtures.class)
public @interface PlatformIntegrationTest {

}
