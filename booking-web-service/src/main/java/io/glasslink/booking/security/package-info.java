/** Who may call what: the gateway's identity token on the partner API, the ops credentials on actuator details, a public site. */
package io.glasslink.booking.security;
