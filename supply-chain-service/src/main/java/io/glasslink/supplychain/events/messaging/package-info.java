/** Publishes the domain events to Kafka as CloudEvents (binary mode) from the event publication registry. */
package io.glasslink.supplychain.events.messaging;
