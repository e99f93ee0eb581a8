package io.huitong.evaluation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Flags raised on a round's scores, open or resolved. */
@Repository
class ScoreFlags {

    private final JdbcClient jdbc;

    ScoreFlags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ScoreFlag> of(String tenderId, int round) {
        return jdbc.sql("select * from score_flag where tender_id = ? and round = ? order by raised_at, bid_id, kind")
                .params(tenderId, round)
                .query((rs, i) -> new ScoreFlag(rs.getString("id"), rs.getString("bid_id"), rs.getString("member_id"),
                        ScoreFlag.Kind.valueOf(rs.getString("kind")), rs.getString("rule_name"),
                        rs.getString("citation"), rs.getString("detail"), rs.getTimestamp("raised_at").toInstant(),
                        rs.getTimestamp("resolved_at") == null ? null : rs.getTimestamp("resolved_at").toInstant(),
                        rs.getString("resolved_by"), rs.getString("resolution")))
                .list();
    }

    void raise(String tenderId, int round, ScoreFlag.Raised flag, Instant at) {
        jdbc.sql("""
                insert into score_flag (id, tender_id, round, bid_id, member_id, kind, rule_name, citation, detail,
                    raised_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), tenderId, round, flag.bidId(), flag.memberId(),
                        flag.kind().name(), flag.by().rule(), flag.by().citation(), flag.detail(), Timestamp.from(at))
                .update();
    }

    /** Open flags whose condition is gone (the scores were corrected) are dropped before the rules run again. */
    void dropOpen(String tenderId, int round) {
        jdbc.sql("delete from score_flag where tender_id = ? and round = ? and resolved_at is null")
                .params(tenderId, round).update();
    }

    /** A dismissed committee's flags go with its scores. */
    void dropAll(String tenderId, int round) {
        jdbc.sql("delete from score_flag where tender_id = ? and round = ?").params(tenderId, round).update();
    }

    void resolve(String id, String resolution, String by, Instant at) {
        jdbc.sql("update score_flag set resolved_at = ?, resolved_by = ?, resolution = ? where id = ?")
                .params(Timestamp.from(at), by, resolution, id).update();
    }
}
