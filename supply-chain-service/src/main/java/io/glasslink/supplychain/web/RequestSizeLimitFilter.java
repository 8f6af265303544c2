package io.glasslink.supplychain.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code glasslink.supply.max-request-size} (default 64 KB)
 * with 413 before anything reads them, judged by their declared length: no API body needs more.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimitFilter(@Value("${glasslink.supply.max-request-size:64KB}") DataSize max) {
        this.maxBytes = max.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"" + ProblemDetailsAdvice.TYPE_BASE + "request-too-large\","
                    + "\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"request bodies are limited to "
                    + maxBytes + " bytes\",\"instance\":\"" + request.getRequestURI().replace("\"", "")
                    + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
