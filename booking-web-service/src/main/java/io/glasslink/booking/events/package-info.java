/** How the service's domain events leave it: the outbox to Kafka as CloudEvents. */
package io.glasslink.booking.events;
