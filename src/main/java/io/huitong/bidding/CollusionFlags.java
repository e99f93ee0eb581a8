package io.huitong.bidding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The collusion flags of tenders' rounds, open and decided. */
@Repository
class CollusionFlags {

    private final JdbcClient jdbc;

    CollusionFlags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CollusionFlag f) {
        jdbc.sql("""
                insert into collusion_flag (id, tender_id, round, kind, rule_name, citation, bid_ids, evidence,
                    raised_at, decision_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(f.id(), f.tenderId(), f.round(), f.kind().name(), f.rule(), f.citation(),
                        String.join(",", f.bidIds()), f.evidence(), Timestamp.from(f.raisedAt()), f.decisionId())
                .update();
    }

    List<CollusionFlag> of(String tenderId, int round) {
        return jdbc.sql("select * from collusion_flag where tender_id = ? and round = ? order by raised_at, rule_name, id")
                .params(tenderId, round).query(CollusionFlags::map).list();
    }

    Optional<CollusionFlag> find(String id) {
        return jdbc.sql("select * from collusion_flag where id = ?").param(id).query(CollusionFlags::map).optional();
    }

    /** Confirmed cases reported to one of these groups, newest first; every case when {@code groups} is null. */
    List<CollusionFlag> reported(java.util.Collection<String> groups) {
        if (groups != null && groups.isEmpty()) {
            return List.of();
        }
        return groups == null
                ? jdbc.sql("select * from collusion_flag where reported_at is not null order by reported_at desc, id")
                        .query(CollusionFlags::map).list()
                : jdbc.sql("""
                        select * from collusion_flag where reported_at is not null and reported_to in (:groups)
                        order by reported_at desc, id""").param("groups", groups).query(CollusionFlags::map).list();
    }

    /**
     * The committee's decision; a confirmed case is reported to {@code reportTo} under {@code reportCitation}, unless
     * the rules name nobody (a case of its own article that is no collusion).
     */
    void decide(String id, boolean confirmed, String reason, String by, Instant at, String reportTo,
            String reportCitation) {
        jdbc.sql("""
                update collusion_flag set decided_at = ?, decided_by = ?, confirmed = ?, reason = ?, reported_at = ?,
                    reported_to = ?, report_citation = ?
                where id = ? and decided_at is null""")
                .params(Timestamp.from(at), by, confirmed, reason,
                        confirmed && reportTo != null ? Timestamp.from(at) : null,
                        confirmed ? reportTo : null, confirmed ? reportCitation : null, id).update();
    }

    /** A dismissed committee's decisions go with it: the new committee decides again. */
    void undecide(String tenderId, int round) {
        jdbc.sql("""
                update collusion_flag set decided_at = null, decided_by = null, confirmed = null, reason = null,
                    reported_at = null, reported_to = null, report_citation = null
                where tender_id = ? and round = ?""").params(tenderId, round).update();
    }

    private static CollusionFlag map(ResultSet rs, int row) throws SQLException {
        boolean confirmed = rs.getBoolean("confirmed");
        Boolean confirmedOrNull = rs.wasNull() ? null : confirmed;
        return new CollusionFlag(rs.getString("id"), rs.getString("tender_id"), rs.getInt("round"),
                CollusionFlag.Kind.valueOf(rs.getString("kind")), rs.getString("rule_name"), rs.getString("citation"),
                Arrays.asList(rs.getString("bid_ids").split(",")), rs.getString("evidence"),
                instant(rs, "raised_at"), rs.getString("decision_id"), instant(rs, "decided_at"),
                rs.getString("decided_by"), confirmedOrNull, rs.getString("reason"), instant(rs, "reported_at"),
                rs.getString("reported_to"), rs.getString("report_citation"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
