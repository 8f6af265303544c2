package io.glasslink.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.glasslink.drill.faults.Fault;
import org.junit.jupiter.api.Test;

class DrillOptionsTest {

    @Test
    void theFullPlanBreaksEveryServiceKafkaPostgresAndBothPathsAndMeasuresTenFailovers() {
        DrillOptions o = DrillOptions.parse(List.of(), Map.of("GLASSLINK_HOME", "/tmp/gl"));

        assertThat(o.home()).isEqualTo(Path.of("/tmp/gl"));
        assertThat(o.faults()).extracting(Fault::name).containsExactly(
                "kill -9 booking-web-service mid-saga", "kill -9 planning-service", "kill -9 supply-chain-service",
                "kill -9 datahub-service", "kill -9 gateway-service", "Kafka broker kill -9, 30 s down, restart",
                "PostgreSQL stop, 20 s down, restart", "Direct Connect cut (VPN takes over), 20 s, restore",
                "both paths cut, 60 s, restore");
        assertThat(o.failoverCuts()).isEqualTo(10);
    }

    @Test
    void theCiPlanHasAKillMidSagaAKafkaRestartAndADirectConnectCut() {
        DrillOptions o = DrillOptions.parse(List.of("--plan", "ci", "--partners", "2", "--warmup", "5"), Map.of());

        assertThat(o.faults()).extracting(Fault::name).containsExactly("kill -9 booking-web-service mid-saga",
                "Kafka broker kill -9, 10 s down, restart", "Direct Connect cut (VPN takes over), 10 s, restore");
        assertThat(o.failoverCuts()).isZero();
        assertThat(o.partnersPerSecond()).isEqualTo(2.0);
        assertThat(o.warmup().toSeconds()).isEqualTo(5);
    }

    @Test
    void theFailoverPlanOnlyCutsDirectConnect() {
        DrillOptions o = DrillOptions.parse(List.of("--plan", "failover", "--failover-cuts", "12"), Map.of());

        assertThat(o.faults()).isEmpty();
        assertThat(o.failoverCuts()).isEqualTo(12);
    }

    @Test
    void aWrongOptionIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> DrillOptions.parse(List.of("--plan", "weekend"), Map.of())).hasMessageContaining("unknown plan 'weekend' (full, ci or failover)");
        assertThatThrownBy(() -> DrillOptions.parse(List.of("--partners", "-1"), Map.of())).hasMessageContaining("--partners needs a number");
        assertThatThrownBy(() -> DrillOptions.parse(List.of("--speed"), Map.of())).hasMessageContaining("usage: ./glasslink drill");
    }
}
