/** What every supply-chain domain event carries, whatever its type. */
package io.glasslink.supplychain.events;
