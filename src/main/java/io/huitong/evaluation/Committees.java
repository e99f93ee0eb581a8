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

    List<CommitteeMember> of(String tenderId, int round) {
        return jdbc.sql("select * from committee_member where tender_id = ? and round = ? order by chair desc, name")
                .params(tenderId, round)
                .query((rs, i) -> new CommitteeMember(rs.getString("id"), rs.getString("name"), rs.getString("user_id"),
                        CommitteeMember.Role.valueOf(rs.getString("role")), rs.getBoolean("chair"),
                        rs.getTimestamp("signed_at") == null ? null : rs.getTimestamp("signed_at").toInstant(),
                        rs.getString("dissent")))
                .list();
    }

    /** A member signs the report, agreeing or with a written dissent (TBR 53; R12 45). */
    void sign(String memberId, String dissent, Instant at) {
        jdbc.sql("update committee_member set signed_at = ?, dissent = ? where id = ?")
                .params(Timestamp.from(at), dissent, memberId).update();
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

    void score(String memberId, String bidId, BigDecimal technicalScore, Instant at) {
        jdbc.sql("delete from score where member_id = ? and bid_id = ?").params(memberId, bidId).update();
        jdbc.sql("insert into score (member_id, bid_id, technical_score, submitted_at) values (?, ?, ?, ?)")
                .params(memberId, bidId, technicalScore, Timestamp.from(at)).update();
    }

    /** Every member's technical score of every bid: bid id → member id → score. */
    Map<String, Map<String, BigDecimal>> scores(String tenderId, int round) {
        record Row(String bidId, String memberId, BigDecimal score) {
        }
        return jdbc.sql("""
                select s.bid_id, s.member_id, s.technical_score from score s
                join committee_member m on m.id = s.member_id where m.tender_id = ? and m.round = ?""")
                .params(tenderId, round)
                .query((rs, i) -> new Row(rs.getString("bid_id"), rs.getString("member_id"),
                        rs.getBigDecimal("technical_score")))
                .list().stream()
                .collect(Collectors.groupingBy(Row::bidId, Collectors.toMap(Row::memberId, Row::score)));
    }
}
