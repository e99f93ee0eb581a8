package io.huitong.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies (README "Limits"): a body declared longer than its cap is refused with 413 before a byte of
 * it is read; one without a declared length is counted as it is read and refused the moment it passes the cap.
 * Uploads (zip, octet-stream, multipart: the archive check and the engine's deployments; a partner's records as
 * files of their own type) have their own, larger cap.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxUpload;
    private final ObjectMapper json;

    public BodyLimitFilter(long maxBody, long maxUpload, ObjectMapper json) {
        this.maxBody = maxBody;
        this.maxUpload = maxUpload;
        this.json = json;
    }

    /** What a body over its cap throws while it is read; answered 413. */
    public static final class TooLarge extends IOException {

        private final long limit;

        TooLarge(long limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    public static ProblemDetail problem(long limit) {
        ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                "请求体过大 / Payload too large", "请求体超过 " + limit + " 字节上限 / The request body exceeds "
                        + limit + " bytes");
        problem.setProperty("violations", List.of(Violation.of(null, "limits.body", null, limit, null,
                "请求体超过上限", "The request body is over its limit")));
        return problem;
    }

    private long limitOf(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return maxBody;
        }
        type = type.toLowerCase();
        return type.startsWith("multipart/") || type.startsWith("application/zip")
                || type.startsWith("application/octet-stream") || isUpload(request) ? maxUpload : maxBody;
    }

    /**
     * The doors whose body is a file as it is (its own type): a partner's records (J7), on the main centre's
     * platform or on its own; a registry file to import.
     */
    public static boolean isUpload(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.matches("/api/remote-evaluations/[^/]+/records")
                || path.matches("/api/partner-engagements/[^/]+/records")
                // a registry file to import, as it is (text/csv: docs/registry.md)
                || path.matches("/api/registry/imports/[^/]+");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request);
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, limit);
            return;
        }
        Counted counted = new Counted(request, limit);
        try {
            chain.doFilter(counted, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!counted.tripped || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(request, response, limit);
            return;
        }
        if (counted.tripped && !response.isCommitted() && response.getStatus() != 413) {
            response.reset();
            refuse(request, response, limit);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        ProblemDetail problem = problem(limit);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(413);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        // the rest of the body is not read: the connection is closed after the answer
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static final class Counted extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;
        private boolean tripped;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    private int counted(int n) throws IOException {
                        if (n > 0) {
                            count += n;
                            if (count > limit) {
                                tripped = true;
                                throw new TooLarge(limit);
                            }
                        }
                        return n;
                    }

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            counted(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        return counted(in.read(b, off, len));
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
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
