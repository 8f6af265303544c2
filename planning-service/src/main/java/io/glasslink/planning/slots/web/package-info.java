/** HTTP API of the slot search. */
package io.glasslink.planning.slots.web;
