/** The drill's invariants, checked from outside the services: SQL on each database, the Kafka topics, the lake's S3 listing. */
package io.glasslink.drill.invariants;
