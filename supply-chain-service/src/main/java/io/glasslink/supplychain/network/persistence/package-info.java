/** Loads the network from PostgreSQL once at start-up. */
package io.glasslink.supplychain.network.persistence;
