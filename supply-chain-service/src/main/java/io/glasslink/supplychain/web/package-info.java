/** Cross-cutting HTTP concerns: RFC 9457 problem details for every error, request size limit. */
package io.glasslink.supplychain.web;
