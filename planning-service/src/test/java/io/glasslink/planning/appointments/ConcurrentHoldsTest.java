package io.glasslink.planning.appointments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.glasslink.planning.PlanningIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The database, not a check-then-act race, decides who gets a technician's time. */
class ConcurrentHoldsTest extends PlanningIntegrationTest {

    @Test
    void twoHundredFortyConcurrentHoldsOnThreeSlotsGiveExactlyOneHoldPerTechnicianAndSlot() throws Exception {
        String centre = "C050";
        List<Map<String, Object>> targets = new ArrayList<>();
        for (int d = 3; targets.size() < 3; d++) {
            LocalDate day = workday(d);
            List<Map<String, Object>> slots = slots(centre, "WINDSCREEN_REPLACEMENT", day);
            if (!slots.isEmpty() && targets.stream().noneMatch(t -> ((String) t.get("start")).startsWith(day.toString()))) {
                targets.add(slots.get(0));
            }
        }
        int requests = 240;
        Map<Object, AtomicInteger> created = new ConcurrentHashMap<>();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Object start = targets.get(i % targets.size()).get("start");
                futures.add(pool.submit(() -> {
                    go.await();
                    int status = hold("CC-" + UUID.randomUUID(), centre, "WINDSCREEN_REPLACEMENT", start).getStatusCode().value();
                    if (status == 201) {
                        created.computeIfAbsent(start, k -> new AtomicInteger()).incrementAndGet();
                    } else if (status == 409) {
                        conflicts.incrementAndGet();
                    } else {
                        other.incrementAndGet();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<Object, Integer> expected = new HashMap<>();
        targets.forEach(t -> expected.put(t.get("start"), (Integer) t.get("capacity")));
        Map<Object, Integer> actual = new HashMap<>();
        created.forEach((k, v) -> actual.put(k, v.get()));
        assertThat(actual).isEqualTo(expected);
        int held = expected.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(conflicts.get()).isEqualTo(requests - held);
        assertThat(other.get()).isZero();
        assertThat(overlaps()).isZero();
    }
}
