package io.huitong.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who acts and from where: the authenticated user and the network address (EB20 49). */
public record Operator(String userId, String address) {

    public static final Operator SYSTEM = new Operator("system", null);

    /**
     * The operator of the current request, or {@link #SYSTEM} outside a request. Where no user logged in to the API
     * (a webapp's session, a peer platform's signed message), the user the engine acts for is the operator: the one
     * Tasklist logged in, or the identity Huitong set before completing a task for someone.
     */
    public static Operator current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String user = auth == null || !auth.isAuthenticated()
                || auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken ? null
                        : auth.getName();
        if (user == null) {
            user = engineUser();
        }
        String address = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            address = request.getRemoteAddr();
        }
        return user == null && address == null ? SYSTEM : new Operator(user == null ? "anonymous" : user, address);
    }

    private static String engineUser() {
        org.camunda.bpm.engine.ProcessEngine engine = org.camunda.bpm.engine.ProcessEngines
                .getDefaultProcessEngine(false);
        if (engine == null) {
            return null;
        }
        org.camunda.bpm.engine.impl.identity.Authentication acting = engine.getIdentityService()
                .getCurrentAuthentication();
        return acting == null ? null : acting.getUserId();
    }

    /** Whether the current request's user is in one of the groups. */
    public boolean inAnyGroup(String... groups) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.getName().equals(userId)) {
            return false;
        }
        java.util.Set<String> wanted = java.util.Arrays.stream(groups).map(g -> "GROUP_" + g)
                .collect(java.util.stream.Collectors.toSet());
        return auth.getAuthorities().stream().anyMatch(a -> wanted.contains(a.getAuthority()));
    }
}
