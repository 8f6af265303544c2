/** The data lake: layout of objects, per-partition batches with rotation rules, and the store port. */
package io.glasslink.datahub.lake;
