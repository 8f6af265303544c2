package io.glasslink.datahub.pipeline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the hub's consumers and topics ({@code glasslink.datahub}).
 *
 * @param groupId         consumer group; scale out by running more instances or {@code consumers}
 * @param consumers       consumer loops in this instance (each its own Kafka consumer in the group)
 * @param deadLetterTopic where invalid or unparseable records go
 * @param partitions      partitions of the topics the hub creates
 * @param retention       retention of the non-compacted topics the hub creates
 * @param pollTimeout     longest wait of one poll (also the idle-flush check period)
 * @param uploadThreads   parallel uploads (files of the batches landing at once, all partitions together)
 * @param processingThreads threads that decode, validate, encode and gzip, one partition at a time each
 *                        (0 = one per processor); shared by the consumer loops
 * @param autoStart       start consuming with the application
 * @param dedupeWindow    offsets of a partition searched for an earlier record with the same CloudEvent id: such a
 *                        repeat is dropped (0 = keep every record); read again at each assignment
 * @param shutdownTimeout how long a stop may spend landing and committing what is buffered; past it the hub stops
 *                        like a crash (nothing more committed: the next owner reads it again), so a broker or store
 *                        that does not answer never holds the process
 */
@ConfigurationProperties("glasslink.datahub")
public record HubProperties(
        @DefaultValue("datahub") String groupId,
        @DefaultValue("1") int consumers,
        @DefaultValue("datahub.dlq") String deadLetterTopic,
        @DefaultValue("3") int partitions,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("500ms") Duration pollTimeout,
        @DefaultValue("4") int uploadThreads,
        @DefaultValue("0") int processingThreads,
        @DefaultValue("true") boolean autoStart,
        @DefaultValue("50000") long dedupeWindow,
        @DefaultValue("8s") Duration shutdownTimeout) {
}
