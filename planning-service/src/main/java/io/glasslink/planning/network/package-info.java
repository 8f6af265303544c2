/** The reference network: service centres, their départements, vans and opening hours. */
package io.glasslink.planning.network;
