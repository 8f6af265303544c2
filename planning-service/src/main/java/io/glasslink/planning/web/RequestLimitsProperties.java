package io.glasslink.planning.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may send ({@code glasslink.web.*}).
 *
 * @param maxRequestSize the largest body accepted (the largest request, a 20-centre search, is under 1 KiB)
 */
@ConfigurationProperties("glasslink.web")
public record RequestLimitsProperties(@DefaultValue("16KB") DataSize maxRequestSize) {
}
