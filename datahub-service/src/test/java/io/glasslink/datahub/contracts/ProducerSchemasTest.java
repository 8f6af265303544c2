package io.glasslink.datahub.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.glasslink.datahub.TestEvents;
import io.glasslink.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The producers' real schemas (io.glasslink:event-contracts) as the hub loads them: every event type
 * of docs/contracts.md is known, each schema's {@code $id} is the {@code dataschema} producers send,
 * and a hand-written sample of each type passes while the same sample without a required field fails.
 */
class ProducerSchemasTest {

    private static final java.time.Clock CLOCK = TestClock.atSuiteStart().withZone(TestClock.PARIS);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CONTRACT_TYPES = List.of(
            "supplychain.PartHeld", "supplychain.PartHoldReleased", "supplychain.PartHoldExpired", "supplychain.PartAllocated",
            "supplychain.TransferOrdered", "supplychain.StockLevelChanged",
            "planning.SlotHeld", "planning.HoldExpired", "planning.AppointmentConfirmed", "planning.AppointmentCancelled",
            "planning.AppointmentRescheduled", "planning.TechnicianAbsenceRecorded",
            "booking.BookingRequested", "booking.BookingConfirmed", "booking.BookingFailed", "booking.BookingCancelled",
            "booking.BookingRescheduled");

    private final EventSchemas schemas = EventSchemas.loadFromClasspath();
    private final EventValidator validator = new EventValidator(schemas);

    @Test
    void everyEventTypeOfTheContractHasAVersionOneSchema() {
        assertThat(schemas.types()).containsAll(CONTRACT_TYPES.stream().map(t -> "io.glasslink." + t + ".v1").toList());
    }

    @Test
    void everyProducerSchemaDeclaresTheDataschemaUriAsItsId() throws IOException {
        for (String type : producerTypes()) {
            EventType parsed = EventType.parse(type).orElseThrow();
            try (InputStream in = new ClassPathResource(EventSchemas.ROOT + parsed.schemaPath()).getInputStream()) {
                assertThat(JSON.readTree(in).path("$id").asText()).as(type).isEqualTo(parsed.dataschema());
            }
        }
    }

    @Test
    void aSampleOfEachProducerEventIsValidAndBecomesInvalidWithoutARequiredField() throws Exception {
        JsonNode samples = JSON.readTree(new ClassPathResource("producer-samples.json").getInputStream());
        assertThat(iterable(samples.fieldNames())).as("a sample for every producer schema").containsExactlyInAnyOrderElementsOf(producerTypes());
        for (Map.Entry<String, JsonNode> sample : iterable(samples.fields())) {
            EventType type = EventType.parse(sample.getKey()).orElseThrow();
            CloudEvent event = TestEvents.event(type.type(), "subject-1", OffsetDateTime.now(CLOCK), sample.getValue().toString());
            assertThat(validator.validate(type.domain() + ".events", event).type()).isEqualTo(type);

            ObjectNode broken = sample.getValue().deepCopy();
            String removed = broken.fieldNames().next();
            broken.remove(removed);
            CloudEvent invalid = TestEvents.event(type.type(), "subject-1", OffsetDateTime.now(CLOCK), broken.toString());
            assertThatThrownBy(() -> validator.validate(type.domain() + ".events", invalid)).as(type + " without " + removed)
                    .hasMessageContaining("schema");
        }
    }

    private List<String> producerTypes() {
        return schemas.types().stream().filter(t -> !t.startsWith("io.glasslink.hubtest.")).toList();
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
