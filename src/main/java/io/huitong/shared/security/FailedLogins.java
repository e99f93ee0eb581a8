package io.huitong.shared.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Logs every failed login with the user name and address; {@link LoginThrottle} limits retries
 * for a bounded while (the message then says until when). */
@Component
class FailedLogins {

    private static final Logger log = LoggerFactory.getLogger(FailedLogins.class);

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Object details = event.getAuthentication().getDetails();
        String address = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "?";
        log.warn("failed login for '{}' from {}: {}", event.getAuthentication().getName(), address,
                event.getException().getMessage());
    }
}
