package io.huitong.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.shared.web.Problems;
import io.huitong.shared.web.Violation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A state change through the API must say it is JSON (or, for the archive check, a zip): a cross-site HTML form
 * or a script without CORS can only send a form, multipart or text/plain, or nothing, and the browser would add
 * cached Basic credentials. A body-less POST ({@code /api/rules/reload}, {@code /draw}, ...) is sent with
 * {@code Content-Type: application/json} and no body. The engine's deployment upload stays multipart (Camunda's).
 * A partner's record (J7) is sent as the file itself with its own type (video/mp4, application/pdf, ...): any type
 * but those three, which would need a preflight from another site.
 */
class JsonRequiredFilter extends OncePerRequestFilter {

    /** The types a page of another site may send without a CORS preflight. */
    private static final java.util.Set<String> CROSS_SITE_FORM = java.util.Set.of("application/x-www-form-urlencoded",
            "multipart/form-data", "text/plain");

    private final ObjectMapper json;

    JsonRequiredFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // POST is the only changing method a page of another site can send without a CORS preflight, which
        // Huitong never answers: PUT, PATCH and DELETE cannot ride on cached credentials
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String media = type.split(";", 2)[0].strip();
        boolean allowed = media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"))
                || ((path.equals("/api/archive-verifications")
                        || path.equals("/api/partner-engagements/archive-verifications"))
                        && (media.equals("application/zip") || media.equals("application/octet-stream")))
                || (path.startsWith("/engine-rest/deployment/create") && media.equals("multipart/form-data"))
                || (io.huitong.shared.web.BodyLimitFilter.isUpload(request) && !media.isEmpty()
                        && !CROSS_SITE_FORM.contains(media));
        if (allowed && !crossSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (allowed) {
            refuse(response, request, HttpStatus.FORBIDDEN, "cross-site", "不接受其他网站发起的请求 / Cross-site request",
                    "改变状态的请求不得由其他网站的页面发起 / A page of another site may not change state here",
                    Violation.of("Origin", "web.same-origin", null, "same origin", request.getHeader("Origin"),
                            "请求来自其他网站", "The request comes from another site"));
            return;
        }
        refuse(response, request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "json-required", "须为 JSON 请求 / JSON required",
                "改变状态的请求须带 Content-Type: application/json（无请求体时亦然）"
                        + " / A request that changes state must carry Content-Type: application/json, even without a body",
                Violation.of("Content-Type", "web.json-required", null, "application/json", type.isEmpty() ? null : type,
                        "请求类型不被接受", "Content type not accepted"));
    }

    /**
     * A browser says where a request comes from: {@code Sec-Fetch-Site} (every current browser), else {@code Origin}.
     * Another site's page may not change state, whatever it sends (a multipart deployment carries no JSON guard).
     * Clients that are not browsers (portals, Camunda Modeler, curl) send neither.
     */
    static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site");
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return origin != null;
        }
        try {
            String originHost = URI.create(origin).getHost();
            String host = request.getHeader("Host") == null ? request.getServerName()
                    : request.getHeader("Host").replaceFirst(":\\d+$", "").replaceAll("^\\[|\\]$", "");
            return originHost == null || !originHost.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private void refuse(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String type,
            String title, String detail, Violation violation) throws IOException {
        ProblemDetail problem = Problems.of(status, type, title, detail);
        problem.setProperty("violations", List.of(violation));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
