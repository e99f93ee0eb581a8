package io.huitong.remote;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The parties of a joint draw, as each side keeps them ({@link JointDraw}): commitments, and reveals once made. The
 * own party's snapshot and share are held from the commitment on; nothing shows them before {@code revealed_at}.
 */
@Repository
class JointDrawParties {

    /** One party's row: its commitment, and its reveal when made ({@code revealedAt}). */
    record Party(String evaluationRef, int drawNo, String centreCode, String poolHash, String shareHash,
            String snapshot, String share, boolean own, Instant committedAt, Instant revealedAt) {

        JointDraw.Commitment commitment() {
            return new JointDraw.Commitment(centreCode, drawNo, poolHash, shareHash);
        }

        JointDraw.Reveal reveal() {
            return new JointDraw.Reveal(centreCode, drawNo, snapshot, share);
        }
    }

    private final JdbcClient jdbc;

    JointDrawParties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** This side's own part: committed now, revealed later. */
    void own(String ref, int drawNo, String centre, String snapshot, String share, Instant at) {
        JointDraw.Commitment c = new JointDraw.Reveal(centre, drawNo, snapshot, share).commitment();
        jdbc.sql("insert into joint_draw_party (evaluation_ref, draw_no, centre_code, pool_hash, share_hash, snapshot, "
                + "share, own, committed_at) values (?, ?, ?, ?, ?, ?, ?, true, ?)")
                .params(ref, drawNo, centre, c.poolHash(), c.shareHash(), snapshot, share, Timestamp.from(at)).update();
    }

    /** Another party's commitment; the same one again is left as it is. */
    void committed(String ref, JointDraw.Commitment c, Instant at) {
        if (find(ref, c.drawNo(), c.centreCode()).isEmpty()) {
            jdbc.sql("insert into joint_draw_party (evaluation_ref, draw_no, centre_code, pool_hash, share_hash, own, "
                    + "committed_at) values (?, ?, ?, ?, ?, false, ?)")
                    .params(ref, c.drawNo(), c.centreCode(), c.poolHash(), c.shareHash(), Timestamp.from(at)).update();
        }
    }

    void revealed(String ref, JointDraw.Reveal r, Instant at) {
        jdbc.sql("update joint_draw_party set snapshot = ?, share = ?, revealed_at = ? where evaluation_ref = ? and "
                + "draw_no = ? and centre_code = ?")
                .params(r.snapshotText(), r.share(), Timestamp.from(at), ref, r.drawNo(), r.centreCode()).update();
    }

    List<Party> of(String ref, int drawNo) {
        return jdbc.sql("select * from joint_draw_party where evaluation_ref = ? and draw_no = ? order by centre_code")
                .params(ref, drawNo).query(JointDrawParties::row).list();
    }

    Optional<Party> find(String ref, int drawNo, String centre) {
        return jdbc.sql("select * from joint_draw_party where evaluation_ref = ? and draw_no = ? and centre_code = ?")
                .params(ref, drawNo, centre).query(JointDrawParties::row).optional();
    }

    /** The committee every party's reveal gives (a joint draw re-run), or a refusal naming what fails. */
    java.util.Map<String, List<String>> rerun(String ref, int drawNo) {
        List<Party> all = of(ref, drawNo);
        return JointDraw.draw(all.stream().map(Party::reveal).toList(), all.stream().map(Party::commitment).toList());
    }

    /** The latest draw number this side holds its own part of. */
    Optional<Integer> lastOwnDraw(String ref) {
        return jdbc.sql("select max(draw_no) from joint_draw_party where evaluation_ref = ? and own")
                .param(ref).query(Integer.class).optional();
    }

    private static Party row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Party(rs.getString("evaluation_ref"), rs.getInt("draw_no"), rs.getString("centre_code"),
                rs.getString("pool_hash"), rs.getString("share_hash"), rs.getString("snapshot"), rs.getString("share"),
                rs.getBoolean("own"), rs.getTimestamp("committed_at").toInstant(),
                rs.getTimestamp("revealed_at") == null ? null : rs.getTimestamp("revealed_at").toInstant());
    }
}
