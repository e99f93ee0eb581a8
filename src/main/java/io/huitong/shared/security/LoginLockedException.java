package io.huitong.shared.security;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** A login refused because the user name is locked for a while from that address: the password was not checked. */
class LoginLockedException extends AuthenticationException {

    private final Instant until;

    LoginLockedException(Instant until) {
        super("登录暂时锁定至 " + until + "（多次密码错误）/ Login temporarily locked until " + until
                + " after repeated wrong passwords");
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
