package io.huitong.remote;

import io.huitong.remote.RemoteRecords.Draw;
import io.huitong.remote.RemoteRecords.Exclusion;
import io.huitong.shared.web.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The expert draws of remote evaluations in the database: each commitment, snapshot, seed, result and exclusion. */
@Repository
class DrawRecords {

    private final JdbcClient jdbc;

    DrawRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Draw> draws(String evaluationId) {
        return jdbc.sql("select * from expert_draw where evaluation_id = ? order by draw_no").param(evaluationId)
                .query((rs, i) -> draw(rs)).list();
    }

    Draw draw(String id) {
        return jdbc.sql("select * from expert_draw where id = ?").param(id).query((rs, i) -> draw(rs)).optional()
                .orElseThrow(() -> new NotFoundException("没有该次抽取 / No draw " + id));
    }

    Draw commit(String evaluationId, String purpose, String seedHash, String snapshot, String snapshotHash,
            Instant at) {
        int drawNo = jdbc.sql("select coalesce(max(draw_no), 0) + 1 from expert_draw where evaluation_id = ?")
                .param(evaluationId).query(Integer.class).single();
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into expert_draw (id, evaluation_id, draw_no, purpose, seed_hash, snapshot, snapshot_hash,
                    committed_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, evaluationId, drawNo, purpose, seedHash, snapshot, snapshotHash, Timestamp.from(at))
                .update();
        return draw(id);
    }

    int nextDrawNo(String evaluationId) {
        return jdbc.sql("select coalesce(max(draw_no), 0) + 1 from expert_draw where evaluation_id = ?")
                .param(evaluationId).query(Integer.class).single();
    }

    void reveal(String drawId, String seed, String result, String decisionId, Instant at) {
        jdbc.sql("update expert_draw set seed = ?, result = ?, decision_id = ?, drawn_at = ? where id = ?")
                .params(seed, result, decisionId, Timestamp.from(at), drawId).update();
    }

    /** The draw is this side's part of a joint draw; its decision is recorded when it is committed. */
    void joint(String drawId, String decisionId) {
        jdbc.sql("update expert_draw set joint = true, decision_id = ? where id = ?").params(decisionId, drawId).update();
    }

    /** A joint draw that a partner withheld its part of: void, with who withheld it as its result; no seed shown. */
    void withheld(String drawId, String result, Instant at) {
        jdbc.sql("update expert_draw set result = ?, drawn_at = ? where id = ?").params(result, Timestamp.from(at),
                drawId).update();
    }

    boolean isJoint(String drawId) {
        return jdbc.sql("select joint from expert_draw where id = ?").param(drawId).query(Boolean.class).single();
    }

    void exclude(String drawId, String expertId, String rule, String citation, String reason) {
        jdbc.sql("insert into draw_exclusion (draw_id, expert_id, rule_name, citation, reason) values (?, ?, ?, ?, ?)")
                .params(drawId, expertId, rule, citation, reason).update();
    }

    List<Exclusion> exclusions(String drawId) {
        return jdbc.sql("select * from draw_exclusion where draw_id = ? order by expert_id, rule_name").param(drawId)
                .query((rs, i) -> new Exclusion(rs.getString("draw_id"), rs.getString("expert_id"),
                        rs.getString("rule_name"), rs.getString("citation"), rs.getString("reason")))
                .list();
    }

    private static Draw draw(ResultSet rs) throws SQLException {
        return new Draw(rs.getString("id"), rs.getString("evaluation_id"), rs.getInt("draw_no"),
                rs.getString("purpose"), rs.getString("seed_hash"), rs.getString("seed"), rs.getString("snapshot"),
                rs.getString("snapshot_hash"), rs.getString("result"), instant(rs, "committed_at"),
                instant(rs, "drawn_at"), rs.getString("decision_id"));
    }

    /** The latest draw of the evaluation. */
    Draw last(String evaluationId) {
        List<Draw> all = draws(evaluationId);
        return all.get(all.size() - 1);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
