/** JDBC storage of bookings, their saga state and partner idempotency keys. */
package io.glasslink.booking.bookings.persistence;
