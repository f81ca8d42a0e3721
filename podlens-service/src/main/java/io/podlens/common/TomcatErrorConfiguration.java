package io.podlens.common;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Installs {@link ProblemJsonErrorValve} in the embedded Tomcat in place of the HTML
 * error report valves (Tomcat's default and the one Spring Boot adds), once the host has
 * started and all of them are in place.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrors() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			Container host = context.getParent();
			host.addLifecycleListener((event) -> {
				if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
					replaceErrorValves(host);
				}
			});
		});
	}

	private static void replaceErrorValves(Container host) {
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve && !(valve instanceof ProblemJsonErrorValve)) {
				host.getPipeline().removeValve(valve);
			}
		}
		host.getPipeline().addValve(new ProblemJsonErrorValve());
	}

}
