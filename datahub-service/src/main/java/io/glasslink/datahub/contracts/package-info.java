/** The event contract: CloudEvents envelope rules and the versioned JSON Schemas every event is validated against. */
package io.glasslink.datahub.contracts;
