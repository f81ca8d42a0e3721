package io.podlens.common;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the API key and request size filters for the whole application, ahead of
 * Spring MVC: the key is checked first, so an unauthorised client learns nothing about
 * limits. A configuration class rather than filter components keeps them out of MVC slice
 * tests, which have no settings bean.
 */
@Configuration(proxyBeanMethods = false)
class HttpProtection {

	@Bean
	FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(PodlensProperties properties) {
		FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(properties));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(PodlensProperties properties) {
		FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeFilter(properties));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

}
