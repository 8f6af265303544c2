/** JDBC adapter of appointments; PostgreSQL's exclusion constraint is the last word on double booking. */
package io.glasslink.planning.appointments.persistence;
