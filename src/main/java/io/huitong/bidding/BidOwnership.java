package io.huitong.bidding;

import io.huitong.shared.audit.AuditFilter;
import io.huitong.shared.party.BidderAccounts;
import io.huitong.shared.security.Operator;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Whose a bid is: only an account bound to the bid's entity sees its receipt, withdraws and decrypts it. */
@Component
class BidOwnership {

    private final BidderAccounts accounts;

    BidOwnership(BidderAccounts accounts) {
        this.accounts = accounts;
    }

    /** Whether the operator's account acts for the bid's entity. */
    boolean owns(Bid bid, Operator operator) {
        return accounts.actsFor(operator.userId(), bid.bidderId());
    }

    /** The operator's account acts for the bid's entity, or 403 (with a note in the audit entry). */
    void requireOwner(Bid bid, Operator operator, String message) {
        if (!owns(bid, operator)) {
            AuditFilter.note("refused: account " + operator.userId() + " is not of bidder " + bid.bidderId()
                    + " of bid " + bid.id());
            throw new AccessDeniedException(message);
        }
    }
}
