/** A single-node Kafka broker in KRaft combined mode, run as its own java process. */
package io.glasslink.launcher.kafka;
