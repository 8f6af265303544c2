/** JDBC adapter of the workforce: technicians and patterns cached in memory, absences queried. */
package io.glasslink.planning.workforce.persistence;
