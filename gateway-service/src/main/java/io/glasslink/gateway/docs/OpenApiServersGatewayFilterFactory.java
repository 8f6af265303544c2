package io.glasslink.gateway.docs;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Names the gateway as the only server of an OpenAPI description passing through it
 * ({@code servers: [{url: <the origin the caller used>}]}): partners call the partner API here, never
 * on booking-web's own port. Used in a route as {@code OpenApiServers}; the body is rewritten by
 * Spring Cloud Gateway's {@code ModifyResponseBody} filter.
 */
@Component
public class OpenApiServersGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;
    private final JsonMapper json;

    public OpenApiServersGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody, JsonMapper json) {
        super(Object.class);
        this.modifyResponseBody = modifyResponseBody;
        this.json = json;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return modifyResponseBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
                .setRewriteFunction(byte[].class, byte[].class, (exchange, body) -> Mono.justOrEmpty(rewrite(exchange, body))));
    }

    private byte[] rewrite(ServerWebExchange exchange, byte[] body) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (body == null || status == null || !status.is2xxSuccessful()) {
            return body;
        }
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (JacksonException e) {
            return body;
        }
        if (!(document instanceof ObjectNode openApi) || !openApi.has("openapi")) {
            return body;
        }
        String origin = UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
                .replacePath(null).replaceQuery(null).fragment(null).build().toUriString();
        openApi.putArray("servers").addObject()
                .put("url", origin)
                .put("description", "glasslink gateway: the partner API's only entry point");
        return json.writeValueAsBytes(openApi);
    }
}
