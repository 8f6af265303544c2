/** The link to on-prem as the network's monitoring reports it, and the path each on-prem call took over it. */
package io.glasslink.gateway.link;
