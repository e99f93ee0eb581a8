package io.huitong.lifecycle;

import io.huitong.shared.security.Groups;
import io.huitong.shared.security.Operator;
import io.huitong.tender.TenderService;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who does the tenderer's steps (招标人): the purchaser who registered the tender, and no other purchaser. A
 * tender registered by a clerk on a purchaser's behalf leaves them to the purchaser group.
 */
@Component
public class Tenderers {

    private final TenderService tenders;
    private final IdentityService identity;

    Tenderers(TenderService tenders, IdentityService identity) {
        this.tenders = tenders;
        this.identity = identity;
    }

    /** The users a tenderer's step is offered to: the registering purchaser, or none (then the group). */
    public List<String> users(String tenderId) {
        String registrant = tenders.get(tenderId).registeredBy();
        return purchaser(registrant) ? List.of(registrant) : List.of();
    }

    /** The groups a tenderer's step is offered to: the purchasers, when no one purchaser registered it. */
    public List<String> groups(String tenderId) {
        return purchaser(tenders.get(tenderId).registeredBy()) ? List.of() : List.of(Groups.PURCHASER);
    }

    /** Whether the user may take the tender's tenderer steps (or is an administrator). */
    public boolean actsAsTenderer(String tenderId, String userId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.ADMIN).count() > 0) {
            return true;
        }
        List<String> users = users(tenderId);
        return users.isEmpty() ? purchaser(userId) : users.contains(userId);
    }

    /** The tenderer's own steps are its only: another purchaser is refused (403). */
    void require(String tenderId, Operator operator) {
        if (!actsAsTenderer(tenderId, operator.userId())) {
            throw new AccessDeniedException("只有本项目的招标人办理 / Only this tender's tenderer does this");
        }
    }

    private boolean purchaser(String userId) {
        return identity.createUserQuery().userId(userId).memberOfGroup(Groups.PURCHASER).count() > 0;
    }
}
