/** Kafka Data Hub: CloudEvents validation, dead letters, fan-out and the S3 data lake. */
package io.glasslink.datahub;
