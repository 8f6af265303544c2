package io.glasslink.supplychain.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error answers (a request it cannot parse: a character not allowed in the URL, headers
 * over the size limit) never reach the servlet, so Boot's error page cannot render them: its host's
 * error report valve writes them as problem+json instead of its HTML page.
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
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String uri = request.getRequestURI();
            String instance = uri != null && uri.startsWith("/") ? uri : "/";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer out = response.getReporter();
                if (out != null) {
                    out.write("{\"type\":\"" + Problems.TYPE_BASE + Problems.slugFor(status) + "\",\"title\":\"" + title
                            + "\",\"status\":" + status + ",\"detail\":\"" + title + "\",\"instance\":\""
                            + json(instance) + "\"}");
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the answer already started: nothing more can be said
            }
        }

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
