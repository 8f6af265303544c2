package io.glasslink.planning.appointments;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.glasslink.planning.PlanningIntegrationTest;
import io.glasslink.planning.slots.JobType;
import io.glasslink.planning.slots.Mode;
import io.glasslink.planning.slots.SlotQuery;
import io.glasslink.planning.slots.SlotSearch;
import io.glasslink.planning.slots.SlotSearchResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two home jobs of one van technician keep the travel buffer even when they are held at the same moment: the second
 * hold, which cannot see the first (not committed yet), must not take a start 15 minutes after it.
 */
class HomeHoldsTravelBufferTest extends PlanningIntegrationTest {

    @Autowired
    AppointmentService appointments;

    @Autowired
    SlotSearch search;

    @Autowired
    TransactionTemplate tx;

    @Test
    void twoConcurrentHomeHoldsOfTheOnlyVanNeverEndUpCloserThanTheTravelBuffer() throws Exception {
        // a centre with a single van technician able to repair a chip, and two free starts 45 minutes apart on one day
        String centre = jdbc.queryForObject("""
                select t.home_centre_id from technician t join technician_skill s on s.technician_id = t.technician_id
                where t.has_van and s.skill = 'CHIP_REPAIR' group by t.home_centre_id having count(*) = 1
                order by t.home_centre_id limit 1""", String.class);
        String postcode = jdbc.queryForObject("select departement || '100' from centre where centre_id = ?", String.class, centre);
        LocalDate from = workday(10);
        SlotSearchResult found = search.search(new SlotQuery(JobType.CHIP_REPAIR, false, null, postcode, from, from.plusDays(13),
                null, null));
        List<SlotSearchResult.Slot> slots = found.results().stream().filter(r -> r.centreId().equals(centre)).findFirst()
                .orElseThrow().slots();
        OffsetDateTime first = null;
        OffsetDateTime second = null;
        for (SlotSearchResult.Slot s : slots) {
            OffsetDateTime later = s.start().plusMinutes(45);
            if (slots.stream().anyMatch(o -> o.start().isEqual(later))) {
                first = s.start();
                second = later;
                break;
            }
        }
        assertThat(first).as("two free starts 45 minutes apart at " + centre).isNotNull();

        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        OffsetDateTime firstStart = first;
        CompletableFuture<Appointment> holdingFirst = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            Appointment a = appointments.hold(command(centre, postcode, firstStart));
            firstInserted.countDown();
            await(releaseFirst);
            return a;
        }));
        assertThat(firstInserted.await(30, TimeUnit.SECONDS)).isTrue();
        OffsetDateTime secondStart = second;
        CompletableFuture<Object> holdingSecond = CompletableFuture.supplyAsync(() -> {
            try {
                return appointments.hold(command(centre, postcode, secondStart));
            } catch (SlotUnavailableException refused) {
                return refused;
            }
        });
        // the second hold either completes (it did not wait for the first) or waits on the first's row lock
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!holdingSecond.isDone() && waitingOnALock() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        releaseFirst.countDown();
        assertThat(holdingFirst.get(30, TimeUnit.SECONDS).status()).isEqualTo(AppointmentStatus.HELD);
        assertThat(holdingSecond.get(30, TimeUnit.SECONDS)).isInstanceOf(SlotUnavailableException.class);
        assertThat(jdbc.queryForObject("""
                select count(*) from appointment a join appointment b on b.technician_id = a.technician_id
                  and a.appointment_id < b.appointment_id
                  and tstzrange(lower(a.during) - interval '30 minutes', upper(a.during) + interval '30 minutes') && b.during
                where a.mode = 'HOME' and b.mode = 'HOME' and a.centre_id = ?
                  and a.status in ('HELD', 'CONFIRMED') and b.status in ('HELD', 'CONFIRMED')""", Integer.class, centre)).isZero();
    }

    private static HoldCommand command(String centre, String postcode, OffsetDateTime start) {
        return new HoldCommand("TRAVEL-" + UUID.randomUUID(), JobType.CHIP_REPAIR, false, centre, Mode.HOME, postcode, start);
    }

    private int waitingOnALock() {
        Integer n = jdbc.queryForObject("""
                select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'""",
                Integer.class);
        return n == null ? 0 : n;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
