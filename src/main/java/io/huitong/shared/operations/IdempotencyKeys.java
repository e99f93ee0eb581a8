package io.huitong.shared.operations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored keys: who sent which key for what, and the first answer once there is one. */
@Repository
public class IdempotencyKeys {

    /** A first request that has not answered in this time is taken to have died with its node: a retry takes over. */
    static final Duration ABANDONED = Duration.ofMinutes(5);

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(String method, String path, String requestHash, String state, Integer status, String contentType,
            String location, String body, Instant createdAt) {
    }

    /** Claims the key for this request; empty if claimed, otherwise what is stored under it. */
    Optional<Stored> claim(String user, String key, String method, String path, String hash, Instant now) {
        try {
            jdbc.sql("""
                    insert into idempotency_key (user_id, idem_key, method, path, request_hash, state, created_at)
                    values (?, ?, ?, ?, ?, 'IN_PROGRESS', ?)""")
                    .params(user, key, method, path, hash, Timestamp.from(now)).update();
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            Optional<Stored> found = find(user, key);
            if (found.isEmpty()) {
                // released between the insert and this read: claim it again
                return claim(user, key, method, path, hash, now);
            }
            Stored stored = found.get();
            if ("IN_PROGRESS".equals(stored.state()) && stored.requestHash().equals(hash)
                    && stored.createdAt().plus(ABANDONED).isBefore(now)
                    && jdbc.sql("""
                            update idempotency_key set created_at = ? where user_id = ? and idem_key = ?
                            and state = 'IN_PROGRESS' and created_at = ?""")
                            .params(Timestamp.from(now), user, key, Timestamp.from(stored.createdAt())).update() == 1) {
                return Optional.empty();
            }
            return Optional.of(stored);
        }
    }

    Optional<Stored> find(String user, String key) {
        return jdbc.sql("select * from idempotency_key where user_id = ? and idem_key = ?").params(user, key)
                .query((rs, i) -> {
                    int code = rs.getInt("status");
                    Integer status = rs.wasNull() ? null : code;
                    return new Stored(rs.getString("method"), rs.getString("path"), rs.getString("request_hash"),
                            rs.getString("state"), status, rs.getString("content_type"), rs.getString("location"),
                            rs.getString("body"), rs.getTimestamp("created_at").toInstant());
                }).optional();
    }

    void done(String user, String key, int status, String contentType, String location, String body) {
        jdbc.sql("""
                update idempotency_key set state = 'DONE', status = ?, content_type = ?, location = ?, body = ?
                where user_id = ? and idem_key = ?""")
                .params(status, contentType, location, body, user, key).update();
    }

    /** The first request failed on the server's side: the key is free for a retry. */
    void release(String user, String key) {
        jdbc.sql("delete from idempotency_key where user_id = ? and idem_key = ? and state = 'IN_PROGRESS'")
                .params(user, key).update();
    }

    /** Keys older than the retention are forgotten: a retry a day later is a new request. */
    int purge(Instant before) {
        return jdbc.sql("delete from idempotency_key where created_at < ?").param(Timestamp.from(before)).update();
    }
}
