/** Test support: real downstream HTTP servers and a shared gateway context. */
package io.glasslink.gateway.support;
