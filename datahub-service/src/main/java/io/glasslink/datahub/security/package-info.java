/** Who may read what: the actuator's details need the ops credentials; the rest of the service is open. */
package io.glasslink.datahub.security;
