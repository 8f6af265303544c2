/** Technicians, their skills and vans, weekly working plans, absences and French public holidays. */
package io.glasslink.planning.workforce;
