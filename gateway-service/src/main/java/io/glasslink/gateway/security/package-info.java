/** Who may use the actuator: the ops credentials (the ops console, Prometheus) and anyone for health's status and info. */
package io.glasslink.gateway.security;
