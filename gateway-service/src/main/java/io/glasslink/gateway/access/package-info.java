/** Who is calling: API keys (stored hashed) and partner OAuth2 JWTs, and which routes each kind of client may use. */
package io.glasslink.gateway.access;
