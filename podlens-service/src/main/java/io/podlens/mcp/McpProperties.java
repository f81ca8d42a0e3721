package io.podlens.mcp;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code podlens.mcp}.
 *
 * @param enabled whether the MCP endpoint {@code /mcp} is served
 * @param allowedOrigins origins (such as {@code https://assistant.example.com}) whose
 * browser pages may call {@code /mcp}; a request carrying any other {@code Origin} header
 * is refused with 403, which keeps a web page in a user's browser from reaching a Podlens
 * on localhost (DNS rebinding). Clients outside a browser send no Origin.
 */
@ConfigurationProperties("podlens.mcp")
public record McpProperties(@DefaultValue("true") boolean enabled, @DefaultValue List<String> allowedOrigins) {

	public McpProperties {
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
	}

}
