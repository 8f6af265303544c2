/** Tests of what the service tells its operators: traces, log correlation and meters. */
package io.glasslink.supplychain.observability;
