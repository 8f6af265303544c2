/** Cross-cutting HTTP concerns: RFC 9457 problem details for every error. */
package io.glasslink.datahub.web;
