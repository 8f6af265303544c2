/** JDBC adapter of the parts catalogue. */
package io.glasslink.supplychain.catalog.persistence;
