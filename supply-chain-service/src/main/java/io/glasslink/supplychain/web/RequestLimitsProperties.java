package io.glasslink.supplychain.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Limits on what a request may send ({@code glasslink.web.*}): the largest body. */
@ConfigurationProperties("glasslink.web")
public record RequestLimitsProperties(@DefaultValue("64KB") DataSize maxRequestSize) {
}
