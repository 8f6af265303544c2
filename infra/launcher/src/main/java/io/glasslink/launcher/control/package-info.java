/** The running launcher's control API on loopback, and the client {@code ./glasslink restart} and {@code status} use. */
package io.glasslink.launcher.control;
