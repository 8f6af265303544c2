package io.glasslink.planning.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import io.glasslink.planning.web.Problems.ProblemType;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error answers (a request it refuses before any servlet sees it: an invalid URI, a malformed request
 * line, headers over the size limit) never reach Boot's error page: the host's error report valve writes them as
 * problem+json with the same members as every other error, instead of Tomcat's HTML page.
 */
@Configuration(proxyBeanMethods = false)
class TomcatProblemReports {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** The error report of the host: problem+json with the listed type of the status, nothing about the server. */
    public static class ProblemReportValve extends ErrorReportValve {

        /** Tomcat's message (in the JVM's locale) when the request's head is over its limit. */
        private static final String HEADERS_TOO_LARGE =
                StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (response.getStatus() == 400 && throwable instanceof IllegalArgumentException
                    && HEADERS_TOO_LARGE.equals(throwable.getMessage())) {
                // Tomcat answers 400 for headers over its limit; RFC 6585 has the status that tells the caller why
                response.setStatus(431);
            }
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            ProblemType type = ProblemType.ofStatus(status);
            String uri = request.getRequestURI();
            String body = "{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
                    + ",\"detail\":\"" + (status >= 500 ? "the request could not be answered" : "the request is malformed")
                    + "\",\"instance\":\"" + json(uri != null && uri.startsWith("/") ? uri : "/") + "\"}";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the answer already started: nothing more can be said
            }
        }

        /** The text as the contents of a JSON string. */
        private static String json(String text) {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }
}
