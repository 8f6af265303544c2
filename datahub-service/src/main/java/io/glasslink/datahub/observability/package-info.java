/** What the hub observes: which work makes a trace and which does not. */
package io.glasslink.datahub.observability;
