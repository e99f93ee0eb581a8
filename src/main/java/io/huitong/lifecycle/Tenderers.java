package io.huitong.lifecycle;

import io.huitong.shared.security.Operator;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The tenderer's own steps are its only: another purchaser is refused (403). */
@Component
class Tenderers {

    private final Lifecycle lifecycle;

    Tenderers(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    void require(String tenderId, Operator operator) {
        if (!lifecycle.actsAsTenderer(tenderId, operator.userId())) {
            throw new AccessDeniedException("只有本项目的招标人办理 / Only this tender's tenderer does this");
        }
    }
}
