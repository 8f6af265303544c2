/** The logistics network: distribution centre, regional depots, service centres and their vans. */
package io.glasslink.supplychain.network;
