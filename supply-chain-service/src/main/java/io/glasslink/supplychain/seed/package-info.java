/** Deterministic reference data (network, catalogue, stock) loaded into an empty database. */
package io.glasslink.supplychain.seed;
