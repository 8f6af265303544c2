/** Who may use the console: the ops user, by HTTP Basic or the console's login page. */
package io.glasslink.opsconsole.security;
