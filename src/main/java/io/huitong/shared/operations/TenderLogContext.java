package io.huitong.shared.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** A request about a tender puts its id in the log context ({@code tenderId}), as the engine does for its work. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TenderLogContext extends OncePerRequestFilter {

    static final String KEY = "tenderId";
    private static final Pattern TENDER = Pattern.compile("/(?:api|public)/tenders/([0-9a-fA-F-]{36})(?:/|$)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = TENDER.matcher(request.getRequestURI());
        if (!m.find()) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put(KEY, m.group(1));
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(KEY);
        }
    }
}
