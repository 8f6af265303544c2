package io.glasslink.datahub.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The OpenAPI document's settings ({@code glasslink.openapi.*}): the server it names (the hub's address in the network). */
@ConfigurationProperties("glasslink.openapi")
public record OpenApiProperties(@DefaultValue("http://datahub-service:8084") String serverUrl) {
}
