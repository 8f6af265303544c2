/** Command line entry point of the local platform: {@code up}, {@code stop}, {@code status}. */
package io.glasslink.launcher;
