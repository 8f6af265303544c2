/**
 * The two network paths of the link (Direct Connect and VPN): their impairments per direction, outages,
 * BFD-style liveness and the choice of the active path. Plain Java, free of web and proxy concerns.
 */
package io.glasslink.link.paths;
