package io.glasslink.booking.onprem;

import java.time.OffsetDateTime;
import java.util.List;

/** supply-chain-service as the booking saga sees it. */
public interface SupplyChain {

    /** Vehicle makes of the catalogue. */
    List<String> makes();

    /** Models of a make. */
    List<VehicleModel> models(String make);

    /** Windscreens fitting a vehicle. */
    List<Part> windscreens(String make, String model, int year);

    /** Earliest date the part can be at each centre (one batch call). */
    List<LeadTime> leadTimes(String partNumber, List<String> centreIds);

    /** Holds one part for a booking at a centre; the booking reference is the idempotency key. */
    PartHold hold(String bookingReference, String partNumber, String centreId, int ttlSeconds);

    /** Confirms a hold (idempotent). */
    void confirmHold(String holdId);

    /** Releases a hold (idempotent). */
    void releaseHold(String holdId);

    /** A vehicle model of the catalogue. */
    record VehicleModel(String make, String model, Integer yearFrom, Integer yearTo) {
    }

    /** A glass part. */
    record Part(String partNumber, String description, boolean adasCamera) {
    }

    /** When a part can be at a centre. */
    record LeadTime(String centreId, boolean available, OffsetDateTime earliestAvailableAt) {
    }

    /** A part held for a booking. */
    record PartHold(String holdId, String status, OffsetDateTime expiresAt) {
    }
}
