/**
 * The HTTP edge around the features: the input rules (strict JSON, body size), the problem types and the one
 * writer of RFC 9457 problems (the features' own exceptions mapped to their types), the OpenAPI document.
 */
package io.glasslink.planning.web;
