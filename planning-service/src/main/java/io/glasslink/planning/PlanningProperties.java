package io.glasslink.planning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the planning service ({@code glasslink.planning.*}): hold lifetime, the notice
 * policy for cancelling and rescheduling, search limits and the size of the demo data.
 */
@ConfigurationProperties("glasslink.planning")
public record PlanningProperties(@DefaultValue Holds holds, @DefaultValue Notice notice,
                                 @DefaultValue Search search, @DefaultValue Seed seed) {

    /** How long a hold lives and how often the expiry job looks for due holds. */
    public record Holds(@DefaultValue("PT10M") Duration ttl,
                        @DefaultValue("PT5S") Duration expiryInterval,
                        @DefaultValue("500") int expiryBatchSize) {
    }

    /**
     * Notice policy: a confirmed appointment cannot be cancelled or rescheduled less than this
     * before its start, unless an override reason is given and overrides are allowed.
     */
    public record Notice(@DefaultValue("PT24H") Duration cancel,
                         @DefaultValue("PT24H") Duration reschedule,
                         @DefaultValue("true") boolean overrideAllowed) {
    }

    /**
     * Slot search limits and granularity; {@code horizon}: how far ahead a start may be held or
     * rescheduled to.
     */
    public record Search(@DefaultValue("PT2H") Duration defaultMinNotice,
                         @DefaultValue("31") int maxDays,
                         @DefaultValue("20") int maxCentres,
                         @DefaultValue("PT15M") Duration step,
                         @DefaultValue("PT30M") Duration travelBuffer,
                         @DefaultValue("P365D") Duration horizon) {
    }

    /** Size and random seed of the demo data (loaded only with {@code glasslink.demo-data.enabled}). */
    public record Seed(@DefaultValue("20261128") long randomSeed,
                       @DefaultValue("1500") int technicians,
                       @DefaultValue("8") int weeks,
                       @DefaultValue("3000") int appointments) {
    }
}
