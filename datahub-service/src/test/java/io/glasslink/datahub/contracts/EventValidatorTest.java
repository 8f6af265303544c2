package io.glasslink.datahub.contracts;

import java.net.URI;
import java.time.OffsetDateTime;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.glasslink.datahub.TestEvents;
import io.glasslink.datahub.contracts.InvalidEventException.Category;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventValidatorTest {

    private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-12-01T09:30:00+01:00");
    private final EventValidator validator = new EventValidator(EventSchemas.loadFromClasspath());

    @Test
    void acceptsAnEventThatFollowsTheContractAndReturnsItsTypeTimeAndData() throws Exception {
        ValidEvent valid = validator.validate("hubtest.events", TestEvents.probeMeasured("p1", 7, TIME, 3));

        assertThat(valid.type()).isEqualTo(new EventType("hubtest", "ProbeMeasured", 1));
        assertThat(valid.time()).isEqualTo(TIME);
        assertThat(valid.data().get("sequence").asLong()).isEqualTo(7);
    }

    @Test
    void rejectsDataThatViolatesTheSchemaNamingTheViolation() {
        CloudEvent event = TestEvents.event(TestEvents.PROBE_MEASURED, "p1", TIME, "{\"probeId\":\"p1\",\"value\":1}");

        assertThatThrownBy(() -> validator.validate("hubtest.events", event))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ProbeMeasured.v1 schema").hasMessageContaining("sequence")
                .hasFieldOrPropertyWithValue("category", Category.SCHEMA_VIOLATION);
    }

    @Test
    void rejectsAMalformedDateTimeBecauseFormatsAreAsserted() {
        CloudEvent event = TestEvents.event(TestEvents.PROBE_MEASURED, "p1", TIME,
                "{\"probeId\":\"p1\",\"sequence\":1,\"value\":1,\"measuredAt\":\"yesterday\"}");

        assertThatThrownBy(() -> validator.validate("hubtest.events", event)).hasMessageContaining("measuredAt")
                .hasFieldOrPropertyWithValue("category", Category.SCHEMA_VIOLATION);
    }

    @Test
    void rejectsDataThatIsNotJson() {
        CloudEvent event = TestEvents.event(TestEvents.PROBE_RESET, "p1", TIME, "{not json");

        assertThatThrownBy(() -> validator.validate("hubtest.events", event)).hasMessageContaining("data is not JSON")
                .hasFieldOrPropertyWithValue("category", Category.DATA_NOT_JSON);
    }

    @Test
    void rejectsDataWithAnythingAfterItsJsonValueBecauseTheLakeLineCopiesTheBytes() {
        CloudEvent event = TestEvents.event(TestEvents.PROBE_RESET, "p1", TIME, "{\"probeId\":\"p1\"} {\"probeId\":\"p2\"}");

        assertThatThrownBy(() -> validator.validate("hubtest.events", event)).hasMessageContaining("data is not JSON");
    }

    @Test
    void rejectsAnUnknownEventType() {
        CloudEvent event = TestEvents.event("io.glasslink.hubtest.ProbeExploded.v1", "p1", TIME, "{}");

        assertThatThrownBy(() -> validator.validate("hubtest.events", event)).hasMessage("unknown event type io.glasslink.hubtest.ProbeExploded.v1")
                .hasFieldOrPropertyWithValue("category", Category.UNKNOWN_TYPE);
    }

    @Test
    void rejectsATypeOutsideTheNamingRule() {
        CloudEvent event = CloudEventBuilder.v1(TestEvents.probeMeasured("p1", 1, TIME, 0)).withType("ProbeMeasured").build();

        assertThatThrownBy(() -> validator.validate("hubtest.events", event)).hasMessageContaining("does not follow")
                .hasFieldOrPropertyWithValue("category", Category.TYPE_NAME);
    }

    @Test
    void rejectsAnEventPublishedOnAnotherDomainsTopic() {
        assertThatThrownBy(() -> validator.validate("planning.events", TestEvents.probeMeasured("p1", 1, TIME, 0)))
                .hasMessageContaining("does not belong on topic planning.events")
                .hasFieldOrPropertyWithValue("category", Category.WRONG_TOPIC);
    }

    @Test
    void rejectsADataschemaThatDoesNotMatchTheType() {
        CloudEvent event = CloudEventBuilder.v1(TestEvents.probeMeasured("p1", 1, TIME, 0))
                .withDataSchema(URI.create("https://schemas.glasslink.io/events/hubtest/ProbeReset.v1.schema.json")).build();

        assertThatThrownBy(() -> validator.validate("hubtest.events", event)).hasMessageContaining("dataschema must be")
                .hasFieldOrPropertyWithValue("category", Category.DATASCHEMA);
    }

    @Test
    void rejectsAnEventWithoutSubjectOrTime() {
        CloudEvent noSubject = CloudEventBuilder.v1(TestEvents.probeMeasured("p1", 1, TIME, 0)).withSubject(null).build();
        CloudEvent noTime = CloudEventBuilder.v1(TestEvents.probeMeasured("p1", 1, TIME, 0)).withTime(null).build();

        assertThatThrownBy(() -> validator.validate("hubtest.events", noSubject)).hasMessage("missing attribute subject");
        assertThatThrownBy(() -> validator.validate("hubtest.events", noTime)).hasMessage("missing attribute time")
                .hasFieldOrPropertyWithValue("category", Category.MISSING_ATTRIBUTE);
    }

    @Test
    void rejectsANonJsonContentType() {
        CloudEvent event = CloudEventBuilder.v1(TestEvents.probeMeasured("p1", 1, TIME, 0))
                .withData("text/plain", "hello".getBytes()).build();

        assertThatThrownBy(() -> validator.validate("hubtest.events", event)).hasMessageContaining("datacontenttype must be application/json")
                .hasFieldOrPropertyWithValue("category", Category.CONTENT_TYPE);
    }
}
