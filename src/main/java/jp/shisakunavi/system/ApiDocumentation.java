package jp.shisakunavi.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The title and sign-in of the OpenAPI description that springdoc derives from the controllers. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI shisakuNaviApi() {
		return new OpenAPI()
			.info(new Info().title("施策ナビ (Shisaku Navi) API")
				.description("Open data (/api/**, no sign-in): plans, measures, ratings, history, FAQ, search. "
						+ "Admin (/admin/api/**, administrators only): evaluations, deliveries, announcements."))
			.components(new Components().addSecuritySchemes("admin",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
	}
}
