package io.glasslink.booking.availability;

import java.util.List;

/**
 * The answer to an availability search.
 *
 * @param provisional true when it comes from the cloud read model (link down): to be confirmed
 * @param options slots, earliest first
 */
public record Availability(boolean provisional, List<SlotOption> options) {
}
