package io.huitong.shared.audit;

import io.huitong.shared.Digests;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends audit entries to a hash chain (EB20 49): each entry's hash covers its time, operator, network address,
 * what was done and the hash of the entry before it; appends are serialised on the chain's head. {@link #verify()}
 * recomputes the chain and names the first entry that was altered, or after which one went missing.
 */
@Component
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    AuditLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Appends an entry, in its own transaction: a refused or failed operation is on record too. */
    public void record(String operator, String address, String method, String path, int status, String detail) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Entry entry = new Entry(0, at, operator, address, method, truncate(path, 1000), status, truncate(detail, 2000),
                null, null);
        ownTransaction.executeWithoutResult(s -> {
            String previous = jdbc.sql("select last_hash from audit_head where id = 1 for update").query(String.class)
                    .single();
            String hash = hash(previous, entry);
            // the id the database gave: looking it up by hash scanned the whole trail on every append
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into audit_entry (at, operator, address, method, path, status, detail, prev_hash, entry_hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(Timestamp.from(at), operator, address, method, entry.path(), status, entry.detail(),
                            previous, hash)
                    .update(key, "id");
            long id = key.getKeyAs(Number.class).longValue();
            jdbc.sql("update audit_head set last_id = ?, last_hash = ? where id = 1").params(id, hash).update();
        });
    }

    /** One entry as stored. */
    public record Entry(long id, Instant at, String operator, String address, String method, String path, int status,
            String detail, String prevHash, String entryHash) {
    }

    /** The outcome of a verification: how many chained entries held, and the first that did not. */
    public record Verification(boolean intact, long verified, long unchained, Long brokenAt, String problem) {
    }

    /** The entries whose request path names the subject (a tender's id), oldest first, with their chain hashes. */
    public List<Entry> about(String subject) {
        return jdbc.sql("select * from audit_entry where path like ? order by id").param("%" + subject + "%")
                .query((rs, i) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("operator"), rs.getString("address"), rs.getString("method"), rs.getString("path"),
                        rs.getInt("status"), rs.getString("detail"), rs.getString("prev_hash"),
                        rs.getString("entry_hash")))
                .list();
    }

    /** Recomputes the chain from the first chained entry to the head. */
    public Verification verify() {
        List<Entry> entries = jdbc.sql("select * from audit_entry order by id").query((rs, i) -> new Entry(
                rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("operator"), rs.getString("address"),
                rs.getString("method"), rs.getString("path"), rs.getInt("status"), rs.getString("detail"),
                rs.getString("prev_hash"), rs.getString("entry_hash"))).list();
        long unchained = entries.stream().filter(e -> e.entryHash() == null).count();
        String expected = GENESIS;
        long verified = 0;
        for (Entry e : entries) {
            if (e.entryHash() == null) {
                continue;
            }
            if (!expected.equals(e.prevHash())) {
                return new Verification(false, verified, unchained, e.id(),
                        "前一条记录缺失或被改动 / the entry before it is missing or was altered");
            }
            if (!hash(e.prevHash(), e).equals(e.entryHash())) {
                return new Verification(false, verified, unchained, e.id(), "该记录被改动 / the entry was altered");
            }
            expected = e.entryHash();
            verified++;
        }
        String head = jdbc.sql("select last_hash from audit_head where id = 1").query(String.class).single();
        if (!head.equals(expected)) {
            Long last = jdbc.sql("select last_id from audit_head where id = 1").query(Long.class).single();
            return new Verification(false, verified, unchained, last,
                    "最后的记录缺失 / the last entry is missing");
        }
        return new Verification(true, verified, unchained, null, null);
    }

    static String hash(String previous, Entry e) {
        String content = String.join("\n", previous, e.at().toString(), nullable(e.operator()), nullable(e.address()),
                nullable(e.method()), nullable(e.path()), Integer.toString(e.status()), nullable(e.detail()));
        return Digests.sha256Hex(content);
    }

    private static String nullable(String s) {
        return s == null ? "\u0000" : s;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
