package io.glasslink.supplychain.availability;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts the availability answers by the source that supplies the part: {@code glasslink.availability.source}
 * tagged {@code type} (LOCAL_STOCK, DEPOT_TRANSFER, DC_TRANSFER, SUPPLIER); a batch counts each centre it can supply.
 */
@Component
class AvailabilitySources {

    private final Map<SourceType, Counter> counters = new EnumMap<>(SourceType.class);

    AvailabilitySources(MeterRegistry meters) {
        for (SourceType type : SourceType.values()) {
            counters.put(type, Counter.builder("glasslink.availability.source")
                    .description("Availability answers by the source of the part: the centre's stock, a depot, the DC or a supplier")
                    .tag("type", type.name())
                    .register(meters));
        }
    }

    void answered(SupplyOption option) {
        counters.get(option.source().type()).increment();
    }
}
