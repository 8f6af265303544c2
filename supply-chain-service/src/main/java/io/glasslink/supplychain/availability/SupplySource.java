package io.glasslink.supplychain.availability;

/**
 * Where the part comes from: {@code locationId} is the stock location it is taken from (the DC
 * for a supplier order), {@code transitDays} the working days it travels after dispatch.
 */
public record SupplySource(SourceType type, String locationId, int transitDays) {

    /** Whether this source takes the part from stock in the network (a supplier order does not). */
    public boolean fromStock() {
        return type != SourceType.SUPPLIER;
    }
}
