/** On-premise supply chain: parts, stock, lead times, part holds. */
package io.glasslink.supplychain;
