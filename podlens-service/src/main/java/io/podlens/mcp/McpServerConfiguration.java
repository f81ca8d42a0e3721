package io.podlens.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MCP server: the SDK's streamable HTTP transport is a servlet of its own at
 * {@code /mcp}, beside Spring MVC's, so the application's filters (the API key, the
 * request size limit) run in front of it as for every other request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(McpProperties.class)
@ConditionalOnProperty(prefix = "podlens.mcp", name = "enabled", matchIfMissing = true)
class McpServerConfiguration {

	static final String PATH = "/mcp";

	static final String INSTRUCTIONS = "Podlens holds podcast transcripts (often mixed Chinese and English) with topic "
			+ "mentions. Search with search_segments, follow a topic with find_mentions and topic_trend, read an "
			+ "episode's chapters and topics with get_episode, find topic ids with list_topics. Answers give times "
			+ "as [mm:ss] or [h:mm:ss] from the start of the episode: cite them with the episode title.";

	@Bean
	HttpServletStreamableServerTransportProvider mcpTransport(McpProperties properties) {
		return HttpServletStreamableServerTransportProvider.builder()
			.jsonMapper(mcpJson())
			.mcpEndpoint(PATH)
			.securityValidator(DefaultServerTransportSecurityValidator.builder()
				.allowedOrigins(properties.allowedOrigins())
				.build())
			.build();
	}

	@Bean
	ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
			HttpServletStreamableServerTransportProvider transport) {
		ServletRegistrationBean<HttpServletStreamableServerTransportProvider> registration = new ServletRegistrationBean<>(
				transport, PATH);
		registration.setName("mcp");
		// answers stream as server-sent events
		registration.setAsyncSupported(true);
		return registration;
	}

	@Bean(destroyMethod = "closeGracefully")
	McpSyncServer mcpServer(HttpServletStreamableServerTransportProvider transport, PodlensTools tools) {
		return McpServer.sync(transport)
			.jsonMapper(mcpJson())
			.serverInfo(new McpSchema.Implementation("podlens", "Podlens", PodlensTools.VERSION))
			.instructions(INSTRUCTIONS)
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
			.tools(tools.specifications())
			.build();
	}

	/**
	 * The SDK's own Jackson 3 mapper, not the application's: the protocol's JSON must not
	 * follow settings made for the REST API.
	 */
	private static McpJsonMapper mcpJson() {
		return McpJsonDefaults.getMapper();
	}

}
