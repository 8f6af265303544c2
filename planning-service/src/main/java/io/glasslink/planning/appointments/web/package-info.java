/** HTTP API of appointments (holds, confirm, cancel, reschedule), idempotent writes. */
package io.glasslink.planning.appointments.web;
