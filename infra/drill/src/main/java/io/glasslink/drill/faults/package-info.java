/** The faults the drill injects, one after another, and when each was seen and ended. */
package io.glasslink.drill.faults;
