package io.glasslink.datahub.contracts;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;

/** An event that passed envelope and schema validation, with its parsed type, event time and data. */
public record ValidEvent(CloudEvent event, EventType type, OffsetDateTime time, JsonNode data) {
}
