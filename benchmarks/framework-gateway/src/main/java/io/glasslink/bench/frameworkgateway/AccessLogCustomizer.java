package io.glasslink.bench.frameworkgateway;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import reactor.netty.http.server.HttpServer;

/**
 * FEATURE_ACCESSLOG: Reactor Netty's own access log (logger reactor.netty.http.server.AccessLog, routed through an
 * AsyncAppender by logback-spring.xml); Boot 4 has no property for it, and the system property would switch it on in
 * every rung.
 */
@Component
@Profile("accesslog")
class AccessLogCustomizer implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.accessLog(true);
    }
}
