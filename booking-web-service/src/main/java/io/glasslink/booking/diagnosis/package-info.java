/** Turns a customer's description of the damage into a job: repair or replacement, with or without calibration. */
package io.glasslink.booking.diagnosis;
