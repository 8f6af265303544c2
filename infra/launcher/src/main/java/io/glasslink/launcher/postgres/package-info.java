/** PostgreSQL 17 (zonky binaries) with a persistent data directory and one database per service. */
package io.glasslink.launcher.postgres;
