package org.connectathon.platform.security;

import org.connectathon.platform.security.ThrottledAuthenticationProvider.SignInThrottledException;
import org.connectathon.platform.web.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * Three ways in (the recording proxy under {@code /proxy} answers ahead of these filters,
 * see {@code proxy.RecordingProxy}): the hosted reference servers under
 * {@code /reference} are open to anyone, like a public test server; the JSON API under
 * {@code /api} takes bearer tokens and answers problem JSON; pages use a sign-in form
 * with a session and CSRF tokens on every form. A session (a row in the database) begins
 * only with a sign-in: public pages, the sign-in page and the way to it keep none. Every
 * answer carries a Content-Security-Policy that allows only the platform's own script
 * files, and a Referrer-Policy that keeps the platform's addresses from other sites.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurityConfiguration {

	/**
	 * Pages load scripts, styles and images from the platform only and run no inline
	 * script, so that a value that slips into a page cannot run as code.
	 */
	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

	/** Answers of the API and the FHIR endpoint are data, never pages to render. */
	static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

	/**
	 * The FHIR endpoint takes the API's bearer tokens; FHIR clients expect refusals as an
	 * OperationOutcome.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain fhirSecurity(HttpSecurity http, ApiTokenService tokens, ProblemResponses problems)
			throws Exception {
		return tokensOnly(http, "/fhir/**", tokens,
				(request, response, exception) -> problems.writeOperationOutcome(response, HttpStatus.UNAUTHORIZED,
						"security", refusalReason(exception)),
				(request, response, exception) -> problems.writeOperationOutcome(response, HttpStatus.FORBIDDEN,
						"security", "You may not do this."))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.build();
	}

	/**
	 * The hosted reference servers (see {@code HostedReferenceServers}) and the built-in
	 * SOAP responder ({@code proxy.soap.SoapResponderController}): anonymous, as public
	 * FHIR test servers are, with no session, no CSRF token and no cookie of any kind, so
	 * that any FHIR client can call them. Their capacity bounds the memory that callers
	 * can fill.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain referenceServerSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher("/reference/**", "/responders/**")
			.headers(headers(DATA_POLICY))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.anonymous(Customizer.withDefaults())
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens, ProblemResponses problems)
			throws Exception {
		return tokensOnly(http, "/api/**", tokens,
				(request, response, exception) -> problems.write(response, HttpStatus.UNAUTHORIZED,
						refusalReason(exception)),
				(request, response, exception) -> problems.write(response, HttpStatus.FORBIDDEN,
						"You may not do this."))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/openapi.json/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.build();
	}

	/**
	 * Bearer tokens and no cookies: there is nothing for a forged cross-site request to
	 * ride on, so no CSRF tokens, and no session.
	 */
	private static HttpSecurity tokensOnly(HttpSecurity http, String paths, ApiTokenService tokens,
			AuthenticationEntryPoint refusal, AccessDeniedHandler denied) throws Exception {
		return http.securityMatcher(paths)
			.headers(headers(DATA_POLICY))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new BearerTokenAuthenticationFilter(tokens, refusal),
					UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(refusal).accessDeniedHandler(denied));
	}

	/**
	 * Pages: the sign-in form checks passwords behind the {@link SignInThrottle}, and
	 * sends a throttled attempt back to the form with the seconds to wait.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain pageSecurity(HttpSecurity http, UserService users, PasswordEncoder passwordEncoder,
			SignInThrottle throttle) throws Exception {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		http.authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle)))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/login", "/css/**", "/webjars/**", "/favicon.ico", "/error", "/public/**")
				.permitAll()
				.requestMatchers("/admin/**")
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.authenticated())
			.headers(headers(PAGE_POLICY))
			.csrf((csrf) -> csrf.csrfTokenRepository(new SignInCsrfTokenRepository()))
			.requestCache((cache) -> cache.requestCache(requestedPages()))
			.formLogin((form) -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler((request, response, exception) -> response
					.sendRedirect(request.getContextPath() + ((exception instanceof SignInThrottledException throttled)
							? "/login?wait=" + throttled.waitSeconds() : "/login?error")))
				.permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?signedOut"));
		return http.build();
	}

	/**
	 * Why a token was refused when we know it (expired, account disabled), else how to
	 * sign in.
	 */
	private static String refusalReason(AuthenticationException exception) {
		return (exception instanceof AccountStatusException refused) ? refused.getMessage()
				: "Sign in with an API token: Authorization: Bearer <token>.";
	}

	private static Customizer<HeadersConfigurer<HttpSecurity>> headers(String contentSecurityPolicy) {
		return (headers) -> headers.contentSecurityPolicy((policy) -> policy.policyDirectives(contentSecurityPolicy))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
	}

	/**
	 * The page an anonymous visitor asked for, kept in a cookie rather than in a session
	 * for the sign-in to return to; the cookie holds a path on this platform only.
	 * Requests of htmx are parts of a page, not a page to return to.
	 */
	private static CookieRequestCache requestedPages() {
		CookieRequestCache cache = new CookieRequestCache();
		cache.setRequestMatcher(
				new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"),
						new NegatedRequestMatcher(new RequestHeaderRequestMatcher("HX-Request"))));
		cache.setCookieCustomizer((cookie) -> cookie.setAttribute("SameSite", "Lax"));
		return cache;
	}

}
