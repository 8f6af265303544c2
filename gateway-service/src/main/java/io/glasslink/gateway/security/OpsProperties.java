package io.glasslink.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The actuator's HTTP Basic user ({@code glasslink.ops.*}, env {@code OPS_USERNAME} / {@code OPS_PASSWORD}): what
 * Spring Boot Admin or a scraper without custom headers sends, beside the API keys of {@code ops} clients. Without a
 * user name or password there is no such user. The defaults in application.yml are for local use only.
 *
 * @param username user name
 * @param password password, plain or in Spring Security's {@code {id}encoded} form (e.g. {@code {bcrypt}...})
 */
@ConfigurationProperties("glasslink.ops")
public record OpsProperties(String username, String password) {
}
