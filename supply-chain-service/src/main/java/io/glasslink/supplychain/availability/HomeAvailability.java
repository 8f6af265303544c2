package io.glasslink.supplychain.availability;

/** For a home job: the van centre the part goes to and how it gets there. */
public record HomeAvailability(String centreId, SupplyOption option) {
}
