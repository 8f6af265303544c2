/** Appointments: holds that expire, confirmation, cancellation and rescheduling under a notice policy. */
package io.glasslink.planning.appointments;
