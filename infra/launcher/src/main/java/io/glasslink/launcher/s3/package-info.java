/** The S3-compatible store: S3Proxy on its filesystem backend, inside the launcher JVM. */
package io.glasslink.launcher.s3;
