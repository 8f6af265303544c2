/** RFC 9457 problem+json answers for every error the gateway produces itself. */
package io.glasslink.gateway.problems;
