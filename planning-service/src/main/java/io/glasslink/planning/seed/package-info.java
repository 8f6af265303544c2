/** Deterministic seed data (fixed random seed) loaded into an empty database on first start. */
package io.glasslink.planning.seed;
