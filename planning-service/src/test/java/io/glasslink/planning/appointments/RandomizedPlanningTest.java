package io.glasslink.planning.appointments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.glasslink.planning.PlanningIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Random concurrent holds, confirms, cancels, reschedules and expiries never leave two live appointments overlapping. */
class RandomizedPlanningTest extends PlanningIntegrationTest {

    @Autowired
    AppointmentService service;

    @Test
    void aRandomMixOfOperationsEndsWithZeroOverlaps() throws Exception {
        long seed = 20261128L;
        List<String> centres = List.of("C060", "C061");
        List<LocalDate> days = List.of(workday(3), workday(4));
        List<String> jobs = List.of("CHIP_REPAIR", "SIDE_WINDOW", "WINDSCREEN_REPLACEMENT");
        List<Object[]> starts = new ArrayList<>();
        for (String c : centres) {
            for (LocalDate d : days) {
                for (String j : jobs) {
                    slots(c, j, d).forEach(s -> starts.add(new Object[] {c, j, s.get("start")}));
                }
            }
        }
        assertThat(starts).isNotEmpty();
        List<String> ids = new CopyOnWriteArrayList<>();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                Random random = new Random(seed + w);
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        int status = step(random, starts, ids);
                        if (status >= 500) {
                            serverErrors.incrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(done.get()).isEqualTo(480);
        assertThat(serverErrors.get()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from appointment where booking_reference like 'RND-%'", Integer.class))
                .isPositive();
        assertThat(jdbc.queryForObject("select count(distinct status) from appointment where booking_reference like 'RND-%'",
                Integer.class)).isGreaterThanOrEqualTo(3);
        assertThat(overlaps()).isZero();
    }

    private int step(Random random, List<Object[]> starts, List<String> ids) {
        int op = random.nextInt(10);
        if (op < 4 || ids.isEmpty()) {
            Object[] s = starts.get(random.nextInt(starts.size()));
            var r = hold("RND-" + UUID.randomUUID(), (String) s[0], (String) s[1], s[2]);
            if (r.getStatusCode().value() == 201) {
                ids.add((String) r.getBody().get("appointmentId"));
            }
            return r.getStatusCode().value();
        }
        String id = ids.get(random.nextInt(ids.size()));
        String path = "/api/v1/appointments/" + id;
        return switch (op) {
            case 4, 5 -> post(path + "/confirm", Map.of());
            case 6 -> post(path + "/cancel", Map.of("reason", "random", "overrideReason", "test"));
            case 7, 8 -> {
                Object[] s = starts.get(random.nextInt(starts.size()));
                yield post(path + "/reschedule", Map.of("start", s[2], "overrideReason", "test"));
            }
            default -> {
                jdbc.update("update appointment set expires_at = ? where appointment_id = ?::uuid and status = 'HELD'",
                        java.time.OffsetDateTime.ofInstant(CLOCK.instant().minusSeconds(1), java.time.ZoneOffset.UTC), id);
                service.expireDueHolds();
                yield 200;
            }
        };
    }

    private int post(String path, Object body) {
        return api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity()
                .getStatusCode().value();
    }
}
