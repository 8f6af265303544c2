/** Deterministic data for an empty database: the network (a migration), the demo catalogue and stock (behind a switch). */
package io.glasslink.supplychain.seed;
