/** JDBC adapter of stock levels: conditional updates guarded by a CHECK constraint. */
package io.glasslink.supplychain.stock.persistence;
