/** JDBC adapter of part holds, transfer orders and idempotency keys. */
package io.glasslink.supplychain.holds.persistence;
