package io.glasslink.booking.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The customer site is public; its forms keep Spring Security's CSRF protection. */
@Configuration(proxyBeanMethods = false)
class SiteSecurity {

    @Bean
    @Order(3)
    SecurityFilterChain site(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
    }
}
