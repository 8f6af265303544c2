/** Part holds for bookings: hold, confirm (allocation and transfer order), release, expiry. */
package io.glasslink.supplychain.holds;
