package io.huitong.shared.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Leaves an audit entry for every state-changing request (POST, PUT, PATCH, DELETE) — accepted or refused —
 * with time, network address, operator, path and status (EB20 49).
 */
public class AuditFilter extends OncePerRequestFilter {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** The request attribute a handler leaves a detail for the request's audit entry in ({@link #note}). */
    private static final String DETAIL = AuditFilter.class.getName() + ".detail";
    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);

    private final AuditLog audit;
    private final java.util.function.Function<HttpServletRequest, String> sessionUser;
    private final String pathPrefix;

    public AuditFilter(AuditLog audit) {
        this(audit, null, "/");
    }

    /**
     * An audit of the requests under a path whose operator is the user of a session that is not Spring Security's
     * (Camunda's webapps): asked of the request before the request runs, and after it for a login.
     */
    public AuditFilter(AuditLog audit, java.util.function.Function<HttpServletRequest, String> sessionUser,
            String pathPrefix) {
        this.audit = audit;
        this.sessionUser = sessionUser;
        this.pathPrefix = pathPrefix;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CHANGING.contains(request.getMethod()) || !request.getRequestURI().startsWith(pathPrefix);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String operator = sessionUser != null ? sessionUser.apply(request) : auth == null ? null : auth.getName();
        // the answer waits for its audit entry: nobody sees a state change that is not on record
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        int status = 500;
        try {
            chain.doFilter(request, held);
            status = held.getStatus();
        } catch (org.springframework.security.web.firewall.RequestRejectedException e) {
            // answered 400 by the firewall's handler (SecurityConfiguration)
            status = 400;
            throw e;
        } finally {
            try {
                String query = request.getQueryString();
                if (operator == null && sessionUser != null) {
                    operator = sessionUser.apply(request);
                }
                audit.record(operator, request.getRemoteAddr(), request.getMethod(),
                        request.getRequestURI() + (query == null ? "" : "?" + query), status,
                        request.getAttribute(DETAIL) instanceof String detail ? detail : null);
            } catch (RuntimeException e) {
                log.error("audit entry not written for {} {}", request.getMethod(), request.getRequestURI(), e);
            }
            held.copyBodyToResponse();
        }
    }

    /**
     * Leaves a detail for the audit entry of the current request (why it was refused, for whom it claimed to act);
     * outside a request it does nothing.
     */
    public static void note(String detail) {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
            attributes.getRequest().setAttribute(DETAIL, detail);
        }
    }
}
