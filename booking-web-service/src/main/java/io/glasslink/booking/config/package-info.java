/** Service-wide settings and infrastructure wiring (security, locale, Kafka, executors). */
package io.glasslink.booking.config;
