/** A reproducible load driver for the availability search and booking confirmation (not run by {@code verify}). */
package io.glasslink.booking.benchmark;
