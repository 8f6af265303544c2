package io.glasslink.booking.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenAPI document's settings ({@code glasslink.openapi.*}).
 *
 * @param serverUrl where partners call the API: the gateway's base URL
 */
@ConfigurationProperties("glasslink.openapi")
public record OpenApiProperties(@DefaultValue("http://localhost:8080") String serverUrl) {
}
