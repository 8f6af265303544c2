/** PostgreSQL adapter of the slot search: busy time of technicians in one indexed query. */
package io.glasslink.planning.slots.persistence;
