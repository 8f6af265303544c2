/** What the local platform consists of, in which order it starts, and how it reports. */
package io.glasslink.launcher.platform;
