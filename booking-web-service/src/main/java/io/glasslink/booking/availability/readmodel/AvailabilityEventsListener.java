package io.glasslink.booking.availability.readmodel;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Applies the CloudEvents of {@code cloud.availability} (binary mode: type in {@code ce_type},
 * JSON data as the value) to the read model: stock levels from {@code StockLevelChanged}, taken
 * slots from planning's hold/appointment events. Unknown or malformed events are skipped.
 */
@Component
class AvailabilityEventsListener {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityEventsListener.class);

    private final JdbcReadModel readModel;
    private final ObjectMapper json;

    AvailabilityEventsListener(JdbcReadModel readModel, ObjectMapper json) {
        this.readModel = readModel;
        this.json = json;
    }

    @KafkaListener(topics = "${glasslink.booking.availability-topic:cloud.availability}",
            groupId = "booking-web-read-model", properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, byte[]> record) {
        Header typeHeader = record.headers().lastHeader("ce_type");
        if (typeHeader == null || record.value() == null) {
            return;
        }
        String type = new String(typeHeader.value(), StandardCharsets.UTF_8);
        try {
            apply(type, json.readTree(record.value()));
        } catch (RuntimeException e) {
            log.warn("skipping unreadable {} event at offset {}: {}", type, record.offset(), e.toString());
        }
    }

    void apply(String type, JsonNode data) {
        String name = type.replaceFirst("^io\\.glasslink\\.[a-z]+\\.", "").replaceFirst("\\.v\\d+$", "");
        switch (name) {
            case "StockLevelChanged" -> readModel.stockLevel(data.get("partNumber").asString(),
                    data.get("locationId").asString(), data.get("available").asInt());
            case "SlotHeld", "AppointmentConfirmed", "AppointmentRescheduled" -> readModel.slotTaken(
                    data.get("appointmentId").asString(), data.get("centreId").asString(),
                    OffsetDateTime.parse(data.get("start").asString()));
            case "HoldExpired", "AppointmentCancelled" -> readModel.slotFreed(data.get("appointmentId").asString());
            default -> log.debug("ignoring {}", type);
        }
    }
}
