package io.huitong.shared.security;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a user name and password against Camunda's identity (the same users as Tasklist and Cockpit). Repeated
 * wrong passwords lock the user name from that address for a bounded while ({@link LoginThrottle}); while locked,
 * the password is not checked and the answer says until when. Groups become authorities {@code GROUP_<id>}.
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final LoginThrottle throttle;

    CamundaIdentityAuthenticationProvider(IdentityService identity, LoginThrottle throttle) {
        this.identity = identity;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        Object details = authentication.getDetails();
        String address = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "?";
        Instant locked = user == null ? null : throttle.lockedUntil(user, address);
        if (locked != null) {
            throw new LoginLockedException(locked);
        }
        if (user == null || user.isBlank() || !(password instanceof String secret)
                || !identity.checkPassword(user, secret)) {
            Instant until = user == null ? null : throttle.failed(user, address);
            throw until == null ? new BadCredentialsException("用户名或密码错误 / Wrong user name or password")
                    : new LoginLockedException(until);
        }
        throttle.succeeded(user, address);
        List<GrantedAuthority> authorities = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .<GrantedAuthority>map(id -> new SimpleGrantedAuthority(Groups.authority(id)))
                .toList();
        var result = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
