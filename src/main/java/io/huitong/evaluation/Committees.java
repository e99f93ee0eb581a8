package io.huitong.evaluation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Committees and scores in the database. */
@Repository
class Committees {

    private final JdbcClient jdbc;

    Committees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CommitteeMember> insert(String tenderId, int round, List<CommitteeMember> members) {
        jdbc.sql("delete from score where member_id in (select id from committee_member where tender_id = ? and round = ?)")
                .params(tenderId, round).update();
        jdbc.sql("delete from committee_member where tender_id = ? and round = ?").params(tenderId, round).update();
        for (CommitteeMember m : members) {
            jdbc.sql("""
                    insert into committee_member (id, tender_id, round, name, user_id, role, chair)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID().toString(), tenderId, round, m.name().strip(), m.userId().strip(),
                            m.role().name(), m.chair())
                    .update();
        }
        return of(tenderId, round);
    }

    /** The sitting members of the round: replaced and dismissed ones are left out. */
    List<CommitteeMember> of(String tenderId, int round) {
        return jdbc.sql("""
                select * from committee_member where tender_id = ? and round = ? and ended_at is null
                order by chair desc, name""")
                .params(tenderId, round)
                .query((rs, i) -> member(rs))
                .list();
    }

    /** Every member the round had, sitting or not, in the order they were seated. */
    List<CommitteeMember> everyone(String tenderId, int round) {
        return jdbc.sql("select * from committee_member where tender_id = ? and round = ? order by ended_at nulls last, name")
                .params(tenderId, round)
                .query((rs, i) -> member(rs))
                .list();
    }

    private static CommitteeMember member(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CommitteeMember(rs.getString("id"), rs.getString("name"), rs.getString("user_id"),
                CommitteeMember.Role.valueOf(rs.getString("role")), rs.getBoolean("chair"),
                rs.getTimestamp("signed_at") == null ? null : rs.getTimestamp("signed_at").toInstant(),
                rs.getString("dissent"),
                rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant(),
                rs.getString("end_reason"), rs.getString("signature_decision_id"));
    }

    /** Seats one member (a remote evaluation seats each as they sign in). */
    CommitteeMember add(String tenderId, int round, String name, String userId, CommitteeMember.Role role,
            boolean chair) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into committee_member (id, tender_id, round, name, user_id, role, chair)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenderId, round, name, userId, role.name(), chair).update();
        return jdbc.sql("select * from committee_member where id = ?").param(id).query((rs, i) -> member(rs)).single();
    }

    /** A member leaves the committee (replaced, or the committee dismissed): its scores no longer count. */
    void end(String memberId, String reason, Instant at) {
        jdbc.sql("update committee_member set ended_at = ?, end_reason = ?, chair = false where id = ? and ended_at is null")
                .params(Timestamp.from(at), reason, memberId).update();
    }

    void makeChair(String memberId) {
        jdbc.sql("update committee_member set chair = true where id = ?").param(memberId).update();
    }

    /** A member signs the report, agreeing or with a written dissent (TBR 53; R12 45). */
    void sign(String memberId, String dissent, Instant at) {
        sign(memberId, dissent, at, null);
    }

    /** The same, with the decision record of the certificate signature it was given with (null: none). */
    void sign(String memberId, String dissent, Instant at, String signatureDecisionId) {
        jdbc.sql("update committee_member set signed_at = ?, dissent = ?, signature_decision_id = ? where id = ?")
                .params(Timestamp.from(at), dissent, signatureDecisionId, memberId).update();
    }

    /** A new report: signatures given to an earlier one no longer hold. */
    void clearSignatures(String tenderId, int round) {
        jdbc.sql("update committee_member set signed_at = null, dissent = null, signature_decision_id = null "
                + "where tender_id = ? and round = ?")
                .params(tenderId, round).update();
    }

    boolean signed(String memberId) {
        return jdbc.sql("select count(*) from committee_member where id = ? and signed_at is not null").param(memberId)
                .query(Integer.class).single() > 0;
    }

    /** The bids a member has scored. */
    java.util.Set<String> scoredBy(String memberId) {
        return new java.util.HashSet<>(jdbc.sql("select bid_id from score where member_id = ?").param(memberId)
                .query(String.class).list());
    }

    void score(String memberId, String bidId, BigDecimal technicalScore, BigDecimal objectiveScore, Instant at) {
        jdbc.sql("delete from score where member_id = ? and bid_id = ?").params(memberId, bidId).update();
        jdbc.sql("""
                insert into score (member_id, bid_id, technical_score, objective_score, submitted_at)
                values (?, ?, ?, ?, ?)""")
                .params(memberId, bidId, technicalScore, objectiveScore, Timestamp.from(at)).update();
    }

    /** One sitting member's score of one bid; the objective part is what fixed criteria gave, if recorded. */
    record Score(String bidId, String memberId, BigDecimal technical, BigDecimal objective) {
    }

    /** The sitting members' scores of the round's bids. */
    List<Score> scoreList(String tenderId, int round) {
        return jdbc.sql("""
                select s.bid_id, s.member_id, s.technical_score, s.objective_score from score s
                join committee_member m on m.id = s.member_id
                where m.tender_id = ? and m.round = ? and m.ended_at is null order by s.bid_id, s.member_id""")
                .params(tenderId, round)
                .query((rs, i) -> new Score(rs.getString("bid_id"), rs.getString("member_id"),
                        rs.getBigDecimal("technical_score"), rs.getBigDecimal("objective_score")))
                .list();
    }

    /** Every sitting member's technical score of every bid: bid id → member id → score. */
    Map<String, Map<String, BigDecimal>> scores(String tenderId, int round) {
        return scoreList(tenderId, round).stream()
                .collect(Collectors.groupingBy(Score::bidId, Collectors.toMap(Score::memberId, Score::technical)));
    }
}
