package org.connectathon.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.connectathon.platform.security.ApiTokenService;
import org.connectathon.platform.security.SignInThrottle;
import org.connectathon.platform.security.UserService;
import org.connectathon.platform.web.ProblemResponses;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Controllers alone ({@code @WebMvcTest}) behind the platform's own security rules (API
 * without cookies or CSRF, pages with both), its error handlers and its templates; the
 * services they call are {@code @MockitoBean}s of the test, as the real ones would need
 * the whole platform. Sign in with {@code SecurityMockMvcRequestPostProcessors}; no
 * bearer token is ever valid here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "org\\.connectathon\\.platform\\.security\\.(WebSecurityConfiguration|PasswordConfiguration)"))
@Import(ProblemResponses.class)
@MockitoBean(types = { ApiTokenService.class, UserService.class, SignInThrottle.class })
public @interface ControllerTest {

	/** The controllers under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

}
