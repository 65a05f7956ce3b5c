package org.connectathon.platform.security;

import org.connectathon.platform.web.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Two ways in: the JSON API under {@code /api} takes bearer tokens and answers problem
 * JSON; pages use a sign-in form with a session and CSRF tokens on every form.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurityConfiguration {

	/**
	 * The FHIR endpoint takes the API's bearer tokens; FHIR clients expect refusals as an
	 * OperationOutcome.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain fhirSecurity(HttpSecurity http, ApiTokenService tokens, ProblemResponses problems)
			throws Exception {
		http.securityMatcher("/fhir/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new BearerTokenAuthenticationFilter(tokens), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, exception) -> problems.writeOperationOutcome(response,
						HttpStatus.UNAUTHORIZED, "security",
						"Sign in with an API token: Authorization: Bearer <token>."))
				.accessDeniedHandler((request, response, exception) -> problems.writeOperationOutcome(response,
						HttpStatus.FORBIDDEN, "security", "You may not do this.")));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens, ProblemResponses problems)
			throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/openapi.json/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			// No cookies are accepted here, so there is nothing for a forged cross-site
			// request to ride on.
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new BearerTokenAuthenticationFilter(tokens), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, exception) -> problems.write(response,
						HttpStatus.UNAUTHORIZED, "Sign in with an API token: Authorization: Bearer <token>."))
				.accessDeniedHandler((request, response, exception) -> problems.write(response, HttpStatus.FORBIDDEN,
						"You may not do this.")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/public/**")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole(Role.ADMIN.name())
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?signedOut"));
		return http.build();
	}

}
