package io.glasslink.planning.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ops credentials ({@code glasslink.ops.*}, env {@code OPS_USERNAME} / {@code OPS_PASSWORD}): HTTP Basic, role
 * OPS, needed for the health details and the actuator endpoints other than health, info and prometheus.
 */
@ConfigurationProperties("glasslink.ops")
public record OpsProperties(@DefaultValue("ops") String username, String password) {

    public OpsProperties {
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("glasslink.ops.password (OPS_PASSWORD) is required");
        }
    }
}
