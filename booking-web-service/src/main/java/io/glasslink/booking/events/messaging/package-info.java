/** Spring Modulith externalization of booking events to Kafka as binary-mode CloudEvents, and outbox resubmission. */
package io.glasslink.booking.events.messaging;
