package io.glasslink.supplychain.holds;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.glasslink.supplychain.ApiTestSupport;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Never oversell: many concurrent holds on little stock. */
@SupplyChainIntegrationTest
class ConcurrentHoldsTests extends ApiTestSupport {

    @Test
    void hundredTwentyConcurrentHoldsOnTenUnitsGiveExactlyTenHoldsAndTheRestConflicts() throws Exception {
        String part = data.newPart(null);
        data.stock(part, "C030", 10);
        int requests = 120;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            for (int i = 0; i < requests; i++) {
                String body = HoldApiTests.body(HoldApiTests.newReference(), part, 1, "C030");
                statuses.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/holds", body).status();
                }));
            }
            start.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> s : statuses) {
                answers.add(s.get());
            }
            assertThat(answers).filteredOn(s -> s == 201).hasSize(10);
            assertThat(answers).filteredOn(s -> s == 409).hasSize(requests - 10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(data.level(part, "C030")).containsExactly(10, 10, 0);
        assertThat(jdbc.sql("select count(*) from part_holds where part_number = ? and status = 'HELD'").param(part)
                .query(Long.class).single()).isEqualTo(10L);
    }
}
