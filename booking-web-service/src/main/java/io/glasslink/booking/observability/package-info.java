/** Tracing and observation choices: which work makes spans and meters, and which does not. */
package io.glasslink.booking.observability;
