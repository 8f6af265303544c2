package io.glasslink.datahub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The operators' credentials for the actuator's details ({@code glasslink.ops.*}: HTTP Basic, role OPS). */
@ConfigurationProperties("glasslink.ops")
public record OpsProperties(@DefaultValue("ops") String username, @DefaultValue("dev-ops-password") String password) {

    public OpsProperties {
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            throw new IllegalArgumentException("glasslink.ops.username and glasslink.ops.password (OPS_USERNAME, OPS_PASSWORD) are required");
        }
    }
}
