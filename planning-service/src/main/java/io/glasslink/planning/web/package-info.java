/**
 * The HTTP edge shared by the features: the input rules (strict JSON, body size), the error vocabulary
 * (problem types, refusals naming their fields) and its one writer of RFC 9457 problems, the OpenAPI document.
 */
package io.glasslink.planning.web;
