package io.huitong.shared.party;

import io.huitong.shared.audit.AuditFilter;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which trading entity each bidder account acts for. A bid, a withdrawal, a decryption, an e-guarantee or an
 * objection names a bidder; it is refused (403, with a note in the request's audit entry) unless the account is
 * bound to that very entity. An account bound to none acts for nobody; administrators are bound to none, so they
 * cannot act for a bidder either.
 */
@Component
public class BidderAccounts {

    private final JdbcClient jdbc;
    private final Clock clock;

    BidderAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<BidderAccount> of(String userId) {
        return userId == null ? Optional.empty()
                : jdbc.sql("select * from bidder_account where user_id = ?").param(userId).query(this::map).optional();
    }

    public List<BidderAccount> all() {
        return jdbc.sql("select * from bidder_account order by user_id").query(this::map).list();
    }

    /** Binds the account to the entity (replacing an earlier binding). */
    @Transactional
    public BidderAccount bind(String userId, String creditCode, String name, String by) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update bidder_account set credit_code = ?, name = ?, updated_at = ?, updated_by = ? "
                + "where user_id = ?").params(creditCode, name, now, by, userId).update();
        if (updated == 0) {
            jdbc.sql("insert into bidder_account (user_id, credit_code, name, updated_at, updated_by) "
                    + "values (?, ?, ?, ?, ?)").params(userId, creditCode, name, now, by).update();
        }
        return of(userId).orElseThrow();
    }

    /** Whether the account acts for the entity of that credit code. */
    public boolean actsFor(String userId, String creditCode) {
        return creditCode != null && of(userId).map(a -> a.creditCode().equals(creditCode)).orElse(false);
    }

    /**
     * The account's entity, which must be the one named in {@code field}; otherwise 403 and the refusal noted
     * in the audit entry.
     *
     * @throws AccessDeniedException when the account is bound to no entity or to another
     */
    public BidderAccount requireActsFor(String userId, String creditCode, String field) {
        BidderAccount account = requireBound(userId);
        if (!account.creditCode().equals(creditCode)) {
            AuditFilter.note("refused: account " + userId + " of " + account.creditCode() + " named " + field + " "
                    + creditCode);
            throw new AccessDeniedException(field + ": 账户只能为其所属的市场主体（" + account.creditCode()
                    + "）投标、撤回、解密或提出异议 / The account acts only for its own trading entity ("
                    + account.creditCode() + "), not for " + creditCode);
        }
        return account;
    }

    /**
     * The account's entity.
     *
     * @throws AccessDeniedException when the account is bound to none
     */
    public BidderAccount requireBound(String userId) {
        return of(userId).orElseThrow(() -> {
            AuditFilter.note("refused: account " + userId + " is bound to no trading entity");
            return new AccessDeniedException("该账户未绑定市场主体（统一社会信用代码），不能以投标人身份操作，请联系管理员 / "
                    + "The account is bound to no trading entity (unified social credit code) and cannot act as a "
                    + "bidder; an administrator binds it");
        });
    }

    private BidderAccount map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new BidderAccount(rs.getString("user_id"), rs.getString("credit_code"), rs.getString("name"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
