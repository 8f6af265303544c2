/** Real PostgreSQL, Kafka and S3-compatible servers for tests, shared once per test JVM. */
package io.glasslink.testsupport;
