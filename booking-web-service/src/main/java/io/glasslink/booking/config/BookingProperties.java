package io.glasslink.booking.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the booking service ({@code glasslink.booking.*}).
 *
 * @param gatewayUrl base URL of the gateway that relays on-prem calls over the link
 * @param apiKey this service's API key at the gateway
 * @param connectTimeout connect timeout of on-prem calls
 * @param readTimeout read timeout of on-prem calls
 * @param holdTtlSeconds how long on-prem holds live before they expire on their own
 * @param searchDays how many days ahead availability is searched
 * @param horizonDays how many days ahead of today (Paris) a booking may start and a search may begin
 * @param nearbyCentres how many centres near a postcode are searched
 * @param minNoticeHours the notice a customer must give to cancel or reschedule
 * @param recoveryDelay pause between two runs of the saga recovery job
 * @param staleAfter a saga not moved for this long is taken over by the recovery job
 * @param slotStepMinutes spacing of the start times asked from planning (60: on the hour; planning's own
 *                        step is 15 minutes): one list of slots needs no more, and the answer is 4x smaller
 */
@ConfigurationProperties("glasslink.booking")
public record BookingProperties(
        @DefaultValue("http://localhost:8080") String gatewayUrl,
        @DefaultValue("dev-booking-web-key") String apiKey,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("900") int holdTtlSeconds,
        @DefaultValue("14") int searchDays,
        @DefaultValue("60") int horizonDays,
        @DefaultValue("5") int nearbyCentres,
        @DefaultValue("24") int minNoticeHours,
        @DefaultValue("5s") Duration recoveryDelay,
        @DefaultValue("10s") Duration staleAfter,
        @DefaultValue("60") int slotStepMinutes) {
}
