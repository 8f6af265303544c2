package io.glasslink.supplychain.availability;

/** Where a part for a centre comes from, nearest first. */
public enum SourceType {
    LOCAL_STOCK, DEPOT_TRANSFER, DC_TRANSFER, SUPPLIER
}
