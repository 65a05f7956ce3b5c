package org.connectathon.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The whole platform, as {@link PlatformIntegrationTest}, with request body limits small
 * enough that a test passes them in a moment instead of sending tens of megabytes. Spring
 * caches a test context by its properties, so every class with this annotation shares one
 * second running platform: add properties here only, never on a class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PlatformIntegrationTest
@TestPropertySource(properties = { "connectathon.limits.package-body=2MB", "connectathon.limits.validation-body=1MB",
		"connectathon.limits.request-body=512KB" })
public @interface SmallRequestLimits {

}
