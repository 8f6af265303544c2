/** The ops console: Spring Boot Admin over the services' actuators, no client library in the services. */
package io.glasslink.opsconsole;
