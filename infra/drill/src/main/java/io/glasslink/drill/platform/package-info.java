/** The running local platform as the drill reaches it: its ports and credentials, the launcher's and the link's control APIs. */
package io.glasslink.drill.platform;
