/** HTTP API of the parts catalogue. */
package io.glasslink.supplychain.catalog.web;
