/** Declarative routes: which events, from which topics, go to which sinks (the lake, other topics). */
package io.glasslink.datahub.routing;
