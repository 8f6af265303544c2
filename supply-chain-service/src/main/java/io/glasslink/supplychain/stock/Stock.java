package io.glasslink.supplychain.stock;

import java.util.Collection;
import java.util.Map;

/**
 * Stock levels. Every change is one atomic statement guarded by the database, so concurrent
 * callers can never promise more than is on hand (taking stock for a new hold is done together
 * with storing the hold: {@code Holds.addTakingStock}).
 */
public interface Stock {

    /** Available quantity of {@code partNumber} at each of {@code locationIds} that stocks it. */
    Map<String, Integer> available(String partNumber, Collection<String> locationIds);

    /** Gives back a hold of {@code quantity}. */
    StockLevel unhold(String partNumber, String locationId, int quantity);

    /** Turns a hold of {@code quantity} into an allocation. */
    StockLevel allocate(String partNumber, String locationId, int quantity);

    /** Gives back an allocation of {@code quantity}. */
    StockLevel deallocate(String partNumber, String locationId, int quantity);
}
