/** HTTP API of availability: one destination, or many centres in one call. */
package io.glasslink.supplychain.availability.web;
