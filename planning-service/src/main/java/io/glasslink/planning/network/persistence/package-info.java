/** JDBC adapter of the reference network, cached in memory (it changes only with the seed). */
package io.glasslink.planning.network.persistence;
