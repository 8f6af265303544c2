/** HTTP API of part holds. */
package io.glasslink.supplychain.holds.web;
