/** Publishes booking events from the outbox to Kafka as CloudEvents (binary content mode). */
package io.glasslink.booking.bookings.messaging;
