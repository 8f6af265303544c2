package io.glasslink.datahub.contracts;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event that passed envelope and schema validation, with its parsed type, event time and data.
 *
 * @param dataOnOneLine true when the data bytes hold no line break (its JSON can be copied into a lake line as is)
 */
public record ValidEvent(EventEnvelope envelope, EventType type, OffsetDateTime time, JsonNode data, boolean dataOnOneLine) {
}
