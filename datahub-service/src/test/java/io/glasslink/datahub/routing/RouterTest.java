package io.glasslink.datahub.routing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouterTest {

    private final Router router = new Router(new RoutingProperties(Map.of(
            "lake", new RoutingProperties.Route(List.of("supplychain.events", "planning.events"), List.of(), "lake"),
            "stock", new RoutingProperties.Route(List.of("supplychain.events"), List.of("io.glasslink.supplychain.StockLevelChanged.*"), "topic:cloud.availability"),
            "slots", new RoutingProperties.Route(List.of("planning.events"), List.of("io.glasslink.planning.SlotHeld.v1"), "topic:cloud.availability")),
            List.of("cloud.availability")));

    @Test
    void anEventGoesToEveryMatchingSinkOnce() {
        assertThat(router.sinksFor("supplychain.events", "io.glasslink.supplychain.StockLevelChanged.v2"))
                .containsExactly(new Sink.Lake(), new Sink.Topic("cloud.availability"));
    }

    @Test
    void aRouteWithoutTypesTakesEveryTypeOfItsTopics() {
        assertThat(router.sinksFor("supplychain.events", "io.glasslink.supplychain.PartHeld.v1")).containsExactly(new Sink.Lake());
    }

    @Test
    void typePatternsMatchWholeTypesOnly() {
        assertThat(router.sinksFor("planning.events", "io.glasslink.planning.SlotHeld.v12")).containsExactly(new Sink.Lake());
        assertThat(router.sinksFor("planning.events", "io.glasslink.planning.SlotHeld.v1")).contains(new Sink.Topic("cloud.availability"));
    }

    @Test
    void anEventOfAnUnroutedTopicHasNoSink() {
        assertThat(router.sinksFor("booking.events", "io.glasslink.booking.BookingConfirmed.v1")).isEmpty();
    }

    @Test
    void listsSourceAndSinkTopics() {
        assertThat(router.sourceTopics()).containsExactlyInAnyOrder("supplychain.events", "planning.events");
        assertThat(router.sinkTopics()).containsExactly("cloud.availability");
    }

    @Test
    void rejectsAnUnknownSink() {
        assertThatThrownBy(() -> new Router(new RoutingProperties(Map.of(
                "bad", new RoutingProperties.Route(List.of("a"), List.of(), "s3")), List.of())))
                .hasMessageContaining("'lake' or 'topic:<name>'");
    }
}
