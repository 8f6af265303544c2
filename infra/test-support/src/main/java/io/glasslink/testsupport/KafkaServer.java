package io.glasslink.testsupport;

/** A running Kafka broker (KRaft), reachable at {@link #bootstrapServers()}. */
public record KafkaServer(String bootstrapServers) {
}
