package io.glasslink.opsprobe;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A small real Spring Boot service with the glasslink ops access on its actuator (as the services'
 * {@code security/OpsSecurity}): health status, info open; health details, loggers, env, threaddump, metrics only to
 * the ops user by HTTP Basic. Its package is outside the console's component scan.
 */
public final class ActuatorProbe implements AutoCloseable {

    /** The logger whose level the console changes (a logger the probe really has, so its actuator knows it). */
    public static final String LOGGER = ActuatorProbe.class.getName();

    private static final Logger LOG = LoggerFactory.getLogger(ActuatorProbe.class);

    private final ConfigurableApplicationContext context;

    private ActuatorProbe(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the probe on a free port with the given ops credentials. */
    public static ActuatorProbe start(String opsUser, String opsPassword) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Service.class)
                .web(WebApplicationType.SERVLET)
                .properties(Map.ofEntries(
                        // not the console's application.yml, which sits on the same classpath
                        Map.entry("spring.config.name", "actuator-probe"),
                        Map.entry("spring.application.name", "actuator-probe"),
                        Map.entry("spring.cloud.discovery.enabled", "false"),
                        Map.entry("spring.boot.admin.server.enabled", "false"),
                        Map.entry("server.port", "0"),
                        Map.entry("spring.thymeleaf.check-template-location", "false"),
                        Map.entry("probe.ops.username", opsUser),
                        Map.entry("probe.ops.password", opsPassword),
                        Map.entry("management.endpoints.web.exposure.include", "health,info,metrics,loggers,env,threaddump"),
                        Map.entry("management.endpoint.health.show-details", "when-authorized"),
                        Map.entry("management.endpoint.health.show-components", "when-authorized"),
                        Map.entry("management.endpoint.health.roles", "OPS"),
                        Map.entry("management.endpoint.env.show-values", "when-authorized"),
                        Map.entry("management.endpoint.env.roles", "OPS")))
                .run();
        LOG.info("actuator probe started");
        return new ActuatorProbe(context);
    }

    /** The probe's base URL. */
    public String url() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }

    /** The service itself: web, actuator and the ops access, nothing else. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Service {

        @Bean
        SecurityFilterChain actuator(HttpSecurity http) throws Exception {
            return http
                    .authorizeHttpRequests(a -> a
                            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                            .anyRequest().hasRole("OPS"))
                    .httpBasic(Customizer.withDefaults())
                    .csrf(c -> c.disable())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .build();
        }

        @Bean
        InMemoryUserDetailsManager opsUser(org.springframework.core.env.Environment env) {
            return new InMemoryUserDetailsManager(User.withUsername(env.getRequiredProperty("probe.ops.username"))
                    .password("{noop}" + env.getRequiredProperty("probe.ops.password")).roles("OPS").build());
        }
    }
}
