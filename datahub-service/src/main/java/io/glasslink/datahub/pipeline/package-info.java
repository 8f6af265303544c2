/** The Kafka side of the hub: topics, the consumer loops that validate, dead-letter, fan out and land events. */
package io.glasslink.datahub.pipeline;
