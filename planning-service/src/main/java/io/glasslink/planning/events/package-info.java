/** What every planning domain event carries so that it can be published as a CloudEvent. */
package io.glasslink.planning.events;
