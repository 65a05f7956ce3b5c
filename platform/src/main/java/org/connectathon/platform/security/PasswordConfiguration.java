package org.connectathon.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing, shared by the web sign-in and the console's {@code admin} commands.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt today, with the algorithm named in each hash so that it can change later
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
