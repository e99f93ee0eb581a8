package io.huitong.shared.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks a user name and password against Camunda's identity (the same users as Tasklist and Cockpit). Camunda
 * locks a user out with growing delays after wrong passwords. Groups become authorities {@code GROUP_<id>}.
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;

    CamundaIdentityAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        if (user == null || user.isBlank() || !(password instanceof String secret)
                || !identity.checkPassword(user, secret)) {
            throw new BadCredentialsException("用户名或密码错误 / Wrong user name or password");
        }
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
