package io.glasslink.booking.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Size limits of the HTTP edge ({@code glasslink.web.*}).
 *
 * @param maxRequestSize the largest request body the partner API reads (a booking is about 1 KB)
 */
@ConfigurationProperties("glasslink.web")
public record RequestLimitsProperties(@DefaultValue("64KB") DataSize maxRequestSize) {
}
