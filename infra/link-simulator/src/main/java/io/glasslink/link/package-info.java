/**
 * The link simulator's public face: {@link io.glasslink.link.LinkSimulator} to embed it (in tests) and
 * {@link io.glasslink.link.LinkSimulatorApplication} to run it with its control REST API and metrics.
 */
package io.glasslink.link;
