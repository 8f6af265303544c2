package io.glasslink.datahub.routing;

/** Where a routed event goes: the data lake or another Kafka topic. */
public sealed interface Sink {

    /** Parses the {@code to} value of a route: {@code lake} or {@code topic:<name>}. */
    static Sink parse(String to) {
        if ("lake".equals(to)) {
            return new Lake();
        }
        if (to != null && to.startsWith("topic:") && to.length() > "topic:".length()) {
            return new Topic(to.substring("topic:".length()));
        }
        throw new IllegalArgumentException("route sink must be 'lake' or 'topic:<name>', was '" + to + "'");
    }

    /** The data lake. */
    record Lake() implements Sink {
    }

    /** A Kafka topic that receives the record unchanged (same key, headers and value). */
    record Topic(String name) implements Sink {
    }
}
