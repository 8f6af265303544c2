/** Stock per part and location: on hand, held for bookings, allocated to confirmed jobs. */
package io.glasslink.supplychain.stock;
