package io.glasslink.supplychain.catalog;

/** One generation of a vehicle model, built from {@code yearFrom} to {@code yearTo} inclusive. */
public record VehicleModel(String make, String model, int yearFrom, int yearTo) {
}
