package io.glasslink.datahub.pipeline;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code hub} health: DOWN when the pipeline should be consuming but no consumer loop is alive. */
@Component("hub")
class HubHealthIndicator implements HealthIndicator {

    private final HubPipeline pipeline;

    HubHealthIndicator(HubPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Health health() {
        if (!pipeline.isRunning()) {
            return Health.unknown().withDetail("pipeline", "stopped").build();
        }
        return pipeline.isConsuming()
                ? Health.up().build()
                : Health.down().withDetail("pipeline", "every consumer loop has stopped; see the logs").build();
    }
}
