package io.glasslink.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PortPlanTest {

    @Test
    void portsFollowTheArchitectureUnlessTheEnvironmentMovesThem() {
        PortPlan plan = PortPlan.fromEnvironment(Map.of("GLASSLINK_PORT_GATEWAY", "18080", "GLASSLINK_PORT_POSTGRES", "15432"));
        assertThat(plan.gateway()).isEqualTo(18080);
        assertThat(plan.postgres()).isEqualTo(15432);
        assertThat(plan.bookingWeb()).isEqualTo(8081);
        assertThat(plan.linkControl()).isEqualTo(8474);
        assertThat(plan.kafka()).isEqualTo(9092);
        assertThat(plan.s3()).isEqualTo(9000);
        assertThat(plan.purposes()).hasSize(14);
    }

    @Test
    void aPortThatIsNotANumberIsRejectedByName() {
        assertThatThrownBy(() -> PortPlan.fromEnvironment(Map.of("GLASSLINK_PORT_KAFKA", "nine")))
                .hasMessageContaining("GLASSLINK_PORT_KAFKA");
    }
}
