/** Benchmarks run by hand against the real local platform (not run by {@code verify}). */
package io.glasslink.launcher.bench;
