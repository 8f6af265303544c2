/** Publishes the domain events to Kafka as CloudEvents 1.0 in binary content mode, from the outbox. */
package io.glasslink.planning.events.messaging;
