package io.glasslink.booking.vehicles;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.glasslink.booking.onprem.OnPremRejectedException;
import io.glasslink.booking.onprem.OnPremUnavailableException;
import io.glasslink.booking.onprem.SupplyChain;
import io.glasslink.booking.onprem.SupplyChain.Part;
import io.glasslink.booking.onprem.SupplyChain.VehicleModel;
import org.springframework.stereotype.Service;

/**
 * Makes, models and windscreens from supply chain, cached for an hour. When supply chain cannot
 * be reached the last known answer is served; with none, the answer is empty and the site falls
 * back to free-text fields.
 */
@Service
public class VehicleCatalogue {

    private static final long TTL_NANOS = Duration.ofHours(1).toNanos();

    private final SupplyChain supplyChain;
    private final Map<String, Cached<?>> cache = new ConcurrentHashMap<>();

    public VehicleCatalogue(SupplyChain supplyChain) {
        this.supplyChain = supplyChain;
    }

    /** Known makes, possibly empty. */
    public List<String> makes() {
        return cached("makes", supplyChain::makes).orElse(List.of());
    }

    /** Known models of a make, possibly empty. */
    public List<VehicleModel> models(String make) {
        return cached("models:" + make, () -> supplyChain.models(make)).orElse(List.of());
    }

    /** The windscreen for a vehicle, if supply chain knows one (empty when unknown or unreachable). */
    public Optional<Part> windscreen(String make, String model, int year) {
        return cached("parts:" + make + '|' + model + '|' + year, () -> supplyChain.windscreens(make, model, year))
                .flatMap(parts -> parts.stream().findFirst());
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> cached(String key, Supplier<T> load) {
        Cached<T> hit = (Cached<T>) cache.get(key);
        if (hit != null && System.nanoTime() - hit.loadedAt() < TTL_NANOS) {
            return Optional.ofNullable(hit.value());
        }
        try {
            T value = load.get();
            cache.put(key, new Cached<>(value, System.nanoTime()));
            return Optional.ofNullable(value);
        } catch (OnPremUnavailableException | OnPremRejectedException e) {
            return hit == null ? Optional.empty() : Optional.ofNullable(hit.value());
        }
    }

    /** A cached answer and when it was loaded ({@link System#nanoTime()}: a cache age needs no calendar). */
    private record Cached<T>(T value, long loadedAt) {
    }
}
