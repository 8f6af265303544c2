package io.glasslink.opsconsole.security;

import jakarta.servlet.DispatcherType;

import de.codecentric.boot.admin.server.config.AdminServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Spring Boot Admin's documented servlet security, with the ops user: the login page, the UI's static assets and the
 * console's own health and info are open; everything else (the UI, the instances API, the endpoints it proxies)
 * needs the ops credentials, by HTTP Basic or the login form. State-changing calls (a logger level, say) also need
 * the CSRF token the UI reads from the {@code XSRF-TOKEN} cookie.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String ROLE = "OPS";

    @Bean
    SecurityFilterChain console(HttpSecurity http, AdminServerProperties admin) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler loggedIn = new SavedRequestAwareAuthenticationSuccessHandler();
        loggedIn.setTargetUrlParameter("redirectTo");
        loggedIn.setDefaultTargetUrl(admin.path("/"));
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers(admin.path("/assets/**"), admin.path("/login"),
                                "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // Boot's error page, so a refusal keeps its status (a CSRF 403 would otherwise turn into a 401)
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().hasRole(ROLE))
                .formLogin(form -> form.loginPage(admin.path("/login")).successHandler(loggedIn))
                .logout(logout -> logout.logoutUrl(admin.path("/logout")))
                .httpBasic(Customizer.withDefaults())
                // the UI sends the XSRF-TOKEN cookie's value back as X-XSRF-TOKEN
                .csrf(csrf -> csrf.spa())
                .build();
    }

    @Bean
    InMemoryUserDetailsManager opsUser(OpsProperties ops) {
        // the password comes from the environment in clear (the console sends it to the services): hashing it here gains nothing
        return new InMemoryUserDetailsManager(
                User.withUsername(ops.username()).password("{noop}" + ops.password()).roles(ROLE).build());
    }
}
