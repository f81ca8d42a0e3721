package io.podlens.common;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the {@code X-API-Key} header scheme in the OpenAPI document (Swagger UI's
 * Authorize button) and marks the operations {@link ApiKeyFilter} guards: every write and
 * everything under {@code /api/admin} and {@code /api/alerts}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurity {

	static final String SCHEME = "apiKey";

	@Bean
	OpenApiCustomizer apiKeySecurity() {
		return (openApi) -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents()
				.addSecuritySchemes(SCHEME,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name(ApiKeyFilter.HEADER)
							.description("Required on writes, admin requests and alert reads (they show webhook "
									+ "URLs) when the service runs with podlens.api-key set; other reads stay open."));
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> {
				boolean guardedRead = ApiKeyFilter.isGuardedRead(path);
				for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
					if (guardedRead || !isRead(entry.getKey())) {
						entry.getValue().addSecurityItem(new SecurityRequirement().addList(SCHEME));
						entry.getValue()
							.getResponses()
							.addApiResponse("401", new io.swagger.v3.oas.models.responses.ApiResponse().description(
									"The X-API-Key header is missing or wrong (only when podlens.api-key is set)"));
					}
				}
			});
		};
	}

	private static boolean isRead(PathItem.HttpMethod method) {
		return method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD
				|| method == PathItem.HttpMethod.OPTIONS;
	}

}
