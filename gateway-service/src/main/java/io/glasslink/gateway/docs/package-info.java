/** The partner API's OpenAPI description and Swagger UI, published at the gateway. */
package io.glasslink.gateway.docs;
