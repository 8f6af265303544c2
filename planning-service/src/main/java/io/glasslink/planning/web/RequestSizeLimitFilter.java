package io.glasslink.planning.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code glasslink.web.max-request-size} (16 KiB) with 413 problem+json: at once
 * when the declared length is over (through {@link ProblemErrorController}), while reading when a body of unknown
 * length grows over it (through {@link ProblemDetailsAdvice}). Spring MVC has no limit of its own for JSON bodies.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimitFilter(RequestLimitsProperties limits) {
        this.maxBytes = limits.maxRequestSize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value(), tooLarge(maxBytes));
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, maxBytes) : request, response);
    }

    static String tooLarge(long maxBytes) {
        return "the body is over " + maxBytes + " bytes";
    }

    /** A body grew over the limit while it was read. */
    static final class ContentTooLargeException extends IOException {

        ContentTooLargeException(long maxBytes) {
            super(tooLarge(maxBytes));
        }
    }

    /** A body of unknown length, refused once it has given more than the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream limited;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream in = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws ContentTooLargeException {
                        read += n;
                        if (read > maxBytes) {
                            throw new ContentTooLargeException(maxBytes);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
