package io.glasslink.link.proxy;

import io.glasslink.link.paths.Direction;
import io.glasslink.link.paths.PathId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Bytes delivered and observed one-way delay, per direction of one path. */
final class PathMeters {

    private final Map<Direction, Counter> bytes = new EnumMap<>(Direction.class);
    private final Map<Direction, Timer> delay = new EnumMap<>(Direction.class);

    PathMeters(PathId path, MeterRegistry registry) {
        for (Direction d : Direction.values()) {
            bytes.put(d, Counter.builder("link.bytes").description("Bytes delivered across the link")
                    .baseUnit("bytes").tag("path", path.wireName()).tag("direction", d.wireName()).register(registry));
            delay.put(d, Timer.builder("link.latency.observed")
                    .description("Observed one-way delay of a chunk inside the simulator (wire time + latency + queueing)")
                    .tag("path", path.wireName()).tag("direction", d.wireName())
                    .publishPercentiles(0.5, 0.99).register(registry));
        }
    }

    void delivered(Direction direction, int length, long delayNanos) {
        bytes.get(direction).increment(length);
        delay.get(direction).record(delayNanos, TimeUnit.NANOSECONDS);
    }

    double bytes(Direction direction) {
        return bytes.get(direction).count();
    }
}
