package org.connectathon.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the JSON API at {@code /api/openapi.json}, generated from the controllers.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI connectathonApi() {
		return new OpenAPI()
			.info(new Info().title("Connectathon API")
				.version("1")
				.description("Events, catalog, organizations, systems and their registrations. "
						+ "Errors are RFC 9457 problem JSON. Create a token with `connectathon admin create-token` "
						+ "or POST /api/tokens."))
			.components(new Components().addSecuritySchemes("token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

}
