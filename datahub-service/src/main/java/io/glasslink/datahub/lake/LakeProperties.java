package io.glasslink.datahub.lake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the lake sink ({@code glasslink.datahub.lake}). A partition's batch is landed when it
 * holds {@code maxRecords} records or {@code maxBytes} of uncompressed JSON, when an event's time
 * passes the batch's event-time window of {@code eventTimeInterval}, or when it has been open for
 * {@code flushAfter} of wall-clock time (the idle flush that bounds landing latency).
 */
@ConfigurationProperties("glasslink.datahub.lake")
public record LakeProperties(
        @DefaultValue("glasslink-lake") String bucket,
        @DefaultValue("raw") String prefix,
        @DefaultValue("true") boolean createBucket,
        @DefaultValue("100000") int maxRecords,
        @DefaultValue("128MB") DataSize maxBytes,
        @DefaultValue("1h") Duration eventTimeInterval,
        @DefaultValue("30s") Duration flushAfter,
        @DefaultValue("16MB") DataSize multipartThreshold,
        @DefaultValue("8MB") DataSize partSize) {
}
