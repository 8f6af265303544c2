/** The control REST API (port 8474): read the state, change settings, cut and restore paths, apply profiles. */
package io.glasslink.link.control;
