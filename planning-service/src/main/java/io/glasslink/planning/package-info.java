/** On-premise technician planning: working plans, slot search, slot holds. */
package io.glasslink.planning;
