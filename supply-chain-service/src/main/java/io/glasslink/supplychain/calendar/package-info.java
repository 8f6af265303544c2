/** Business calendar of the network: Sundays and French public holidays are closed days. */
package io.glasslink.supplychain.calendar;
