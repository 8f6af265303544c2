package io.glasslink.supplychain.availability;

import java.time.ZonedDateTime;

/** One way to get a part to a centre and the earliest time it would be there (Europe/Paris). */
public record SupplyOption(SupplySource source, ZonedDateTime earliestAvailableAt) {
}
