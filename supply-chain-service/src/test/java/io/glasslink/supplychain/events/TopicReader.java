package io.glasslink.supplychain.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning with a throw-away consumer group, as a downstream consumer would. */
public final class TopicReader {

    /** A record as read: key, headers as UTF-8 text, value, and the record itself. */
    public record Event(String key, Map<String, String> headers, String value, ConsumerRecord<String, byte[]> record) {
        /** The CloudEvents type without prefix and version, e.g. {@code PartHeld}. */
        public String name() {
            String type = headers.get("ce_type");
            return type.substring("io.glasslink.supplychain.".length(), type.lastIndexOf(".v"));
        }
    }

    private TopicReader() {
    }

    /** Records of {@code topic} whose key matches, polling until {@code expected} arrived or {@code timeout}. */
    public static List<Event> read(String bootstrap, String topic, Predicate<String> key, int expected, Duration timeout) {
        return read(bootstrap, topic, key, got -> got.size() >= expected, timeout);
    }

    /** Records of {@code topic} whose key matches, polling until {@code done} or {@code timeout}. */
    public static List<Event> read(String bootstrap, String topic, Predicate<String> key, Predicate<List<Event>> done,
                                   Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<Event> events = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (!done.test(events) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key() != null && key.test(r.key())) {
                        Map<String, String> headers = new HashMap<>();
                        for (Header h : r.headers()) {
                            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                        }
                        events.add(new Event(r.key(), headers, new String(r.value(), StandardCharsets.UTF_8), r));
                    }
                }
            }
        }
        return events;
    }
}
