package io.glasslink.booking.availability;

import java.time.OffsetDateTime;

import io.glasslink.booking.diagnosis.Mode;

/** One bookable slot of the merged list. */
public record SlotOption(String centreId, String centreName, String city, double distanceKm, Mode mode,
                         OffsetDateTime start, OffsetDateTime end) {
}
