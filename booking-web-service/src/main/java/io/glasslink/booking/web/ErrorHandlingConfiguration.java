package io.glasslink.booking.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Boot's error page as problem+json, and the body size limit of the partner API. */
@Configuration(proxyBeanMethods = false)
class ErrorHandlingConfiguration {

    @Bean
    ProblemErrorController problemErrorController(ErrorAttributes errorAttributes, WebProperties web,
                                                  ObjectProvider<ErrorViewResolver> resolvers) {
        return new ProblemErrorController(errorAttributes, web.getError(), resolvers.orderedStream().toList());
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> bodySizeLimit(RequestLimitsProperties limits, JsonMapper json) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(limits.maxRequestSize().toBytes(), json));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
