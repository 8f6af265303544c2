/** {@code ./glasslink drill}: load from Gatling, faults one after another, invariants after each, a report. */
package io.glasslink.drill;
