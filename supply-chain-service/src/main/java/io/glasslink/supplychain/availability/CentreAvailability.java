package io.glasslink.supplychain.availability;

import java.util.Optional;

/** The earliest way a part reaches one centre, or none when it cannot be supplied. */
public record CentreAvailability(String centreId, Optional<SupplyOption> earliest) {
}
