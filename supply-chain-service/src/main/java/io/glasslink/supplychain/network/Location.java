package io.glasslink.supplychain.network;

import java.time.LocalTime;

/**
 * A place that holds stock. {@code upstreamId} is where its stock comes from (centre → depot →
 * DC), {@code transitDays} how many working days the trip from there takes, and {@code cutoff}
 * the daily time before which an order placed at this location ships the same day.
 */
public record Location(String id, LocationType type, String name, String postcode, String departement,
                       double latitude, double longitude, int vans, String upstreamId, int transitDays,
                       LocalTime cutoff) {
}
