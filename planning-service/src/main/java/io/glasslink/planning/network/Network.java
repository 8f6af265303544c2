package io.glasslink.planning.network;

import java.util.List;
import java.util.Optional;

/** The service centres of the network. */
public interface Network {

    /** The centre with this id, if any. */
    Optional<Centre> centre(String centreId);

    /** The centres with vans in the postcode's département: they serve its homes. */
    List<Centre> vanCentresServing(Postcode postcode);
}
