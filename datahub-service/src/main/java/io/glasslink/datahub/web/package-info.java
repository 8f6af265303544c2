/** Cross-cutting HTTP concerns: RFC 9457 problem details for every error, strict parameters, the OpenAPI document. */
package io.glasslink.datahub.web;
