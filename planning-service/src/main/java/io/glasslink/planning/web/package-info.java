/** RFC 9457 problem details for every error of the HTTP API. */
package io.glasslink.planning.web;
