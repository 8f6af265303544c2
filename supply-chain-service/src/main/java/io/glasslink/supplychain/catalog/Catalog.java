package io.glasslink.supplychain.catalog;

import java.util.List;
import java.util.Optional;

/** Look-ups in the parts catalogue. */
public interface Catalog {

    /** The part with this number, if the catalogue has it. */
    Optional<Part> findPart(String partNumber);

    /** Parts that fit the vehicle, optionally of one glass type, ordered by part number. */
    List<Part> partsFor(String make, String model, int year, GlassType glassType);

    /** Every make, alphabetically. */
    List<String> makes();

    /** Every model generation of {@code make}, by model then year. */
    List<VehicleModel> models(String make);
}
