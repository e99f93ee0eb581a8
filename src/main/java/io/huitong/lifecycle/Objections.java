package io.huitong.lifecycle;

import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Objections, challenges and clarifications in the database. */
@Repository
class Objections {

    private final JdbcClient jdbc;

    Objections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Objection o) {
        jdbc.sql("""
                insert into objection (id, tender_id, round, stage, raised_by, raised_by_party, raised_at, content,
                    signature_decision_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(o.id(), o.tenderId(), o.round(), o.stage().name(), o.raisedBy(), o.raisedByParty(),
                        Timestamp.from(o.raisedAt()), o.content(), o.signatureDecisionId())
                .update();
    }

    void answer(String id, String answer, String by, Instant at, boolean amendsDocuments, OffsetDateTime deadlineAfter) {
        jdbc.sql("""
                update objection set answer = ?, answered_by = ?, answered_at = ?, amends_documents = ?,
                    deadline_after = ? where id = ?""")
                .params(answer, by, Timestamp.from(at), amendsDocuments,
                        deadlineAfter == null ? null : Timestamp.from(deadlineAfter.toInstant()), id)
                .update();
    }

    Objection get(String tenderId, String id) {
        return jdbc.sql("select * from objection where id = ? and tender_id = ?").params(id, tenderId)
                .query(Objections::map).optional()
                .orElseThrow(() -> new NotFoundException("异议不存在 / No objection " + id));
    }

    List<Objection> ofTender(String tenderId) {
        return jdbc.sql("select * from objection where tender_id = ? order by raised_at, id").param(tenderId)
                .query(Objections::map).list();
    }

    List<Objection> pending(String tenderId) {
        return ofTender(tenderId).stream().filter(Objection::isPending).toList();
    }

    void clarification(String id, String tenderId, int round, Instant issuedAt, String issuedBy, String content,
            boolean affectsPreparation, OffsetDateTime before, OffsetDateTime after, String decisionId) {
        jdbc.sql("""
                insert into clarification (id, tender_id, round, issued_at, issued_by, content, affects_preparation,
                    deadline_before, deadline_after, decision_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenderId, round, Timestamp.from(issuedAt), issuedBy, content, affectsPreparation,
                        Timestamp.from(before.toInstant()), Timestamp.from(after.toInstant()), decisionId)
                .update();
    }

    private static Objection map(ResultSet rs, int row) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        Timestamp after = rs.getTimestamp("deadline_after");
        boolean amends = rs.getBoolean("amends_documents");
        Boolean amendsOrNull = rs.wasNull() ? null : amends;
        return new Objection(rs.getString("id"), rs.getString("tender_id"), rs.getInt("round"),
                Objection.Stage.valueOf(rs.getString("stage")), rs.getString("raised_by"),
                rs.getString("raised_by_party"), rs.getTimestamp("raised_at").toInstant(), rs.getString("content"),
                rs.getString("answer"), rs.getString("answered_by"), answered == null ? null : answered.toInstant(),
                amendsOrNull, after == null ? null : OffsetDateTime.ofInstant(after.toInstant(), LegalClock.CHINA),
                rs.getString("signature_decision_id"));
    }
}
