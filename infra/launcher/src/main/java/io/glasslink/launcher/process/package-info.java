/** Child processes of the launcher: start with a log file and pid file, wait, stop, measure. */
package io.glasslink.launcher.process;
