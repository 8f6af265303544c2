package io.glasslink.opsconsole.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ops credentials ({@code glasslink.ops.*}, env {@code OPS_USERNAME} / {@code OPS_PASSWORD}): who may use the
 * console, and what the console sends to the services' actuators (instance metadata {@code user.name} /
 * {@code user.password}). The defaults are for local use only.
 */
@ConfigurationProperties("glasslink.ops")
public record OpsProperties(@DefaultValue("ops") String username, @DefaultValue("dev-ops-password") String password) {

    public OpsProperties {
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            throw new IllegalArgumentException("glasslink.ops.username and glasslink.ops.password are required");
        }
    }
}
