/** The HTTP edge shared by the partner API and the site: the input rules for JSON and every error as problem+json. */
package io.glasslink.booking.web;
