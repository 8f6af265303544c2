/** Keeps the platform's processes running: a restart policy on crashes, and restarts, stops and starts for ops. */
package io.glasslink.launcher.supervisor;
