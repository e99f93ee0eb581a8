package io.huitong.guarantee;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Guarantees {

    private final JdbcClient jdbc;

    Guarantees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ElectronicGuarantee g, String file) {
        jdbc.sql("""
                insert into e_guarantee (guarantee_no, order_no, provider, tender_id, round, bidder_id, bidder_name,
                    ordered_by, amount, issued_at, start_date, end_date, file, md5, sha256, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(g.guaranteeNo(), g.orderNo(), g.provider(), g.tenderId(), g.round(), g.bidderId(),
                        g.bidderName(), g.orderedBy(), g.amount(), Timestamp.from(g.issuedAt()), g.startDate(),
                        g.endDate(), file, g.md5(), g.sha256(), g.status().name())
                .update();
    }

    Optional<ElectronicGuarantee> find(String guaranteeNo) {
        return jdbc.sql("select * from e_guarantee where guarantee_no = ?").param(guaranteeNo)
                .query(Guarantees::map).optional();
    }

    Optional<String> file(String guaranteeNo) {
        return jdbc.sql("select file from e_guarantee where guarantee_no = ?").param(guaranteeNo).query(String.class)
                .optional();
    }

    void settle(String guaranteeNo, ElectronicGuarantee.Status status, String reason, String citation, Instant at) {
        jdbc.sql("""
                update e_guarantee set status = ?, settled_at = ?, settled_reason = ?, settled_citation = ?,
                    pending_action = null, last_error = null
                where guarantee_no = ? and status = 'ISSUED'""")
                .params(status.name(), Timestamp.from(at), reason, citation, guaranteeNo).update();
    }

    private static ElectronicGuarantee map(ResultSet rs, int i) throws SQLException {
        Timestamp settled = rs.getTimestamp("settled_at");
        return new ElectronicGuarantee(rs.getString("guarantee_no"), rs.getString("order_no"),
                rs.getString("provider"), rs.getString("tender_id"), rs.getInt("round"), rs.getString("bidder_id"),
                rs.getString("bidder_name"), rs.getString("ordered_by"), rs.getBigDecimal("amount"),
                rs.getTimestamp("issued_at").toInstant(), rs.getDate("start_date").toLocalDate(),
                rs.getDate("end_date").toLocalDate(), rs.getString("md5"), rs.getString("sha256"),
                ElectronicGuarantee.Status.valueOf(rs.getString("status")),
                settled == null ? null : settled.toInstant(), rs.getString("settled_reason"),
                rs.getString("settled_citation"));
    }

    /** Asks for a surrender or a claim, once: the first request stands until it is done. */
    boolean request(String guaranteeNo, String action, String reason, String citation, Instant at) {
        return jdbc.sql("""
                update e_guarantee set pending_action = ?, pending_reason = ?, pending_citation = ?, pending_since = ?
                where guarantee_no = ? and status = 'ISSUED' and pending_action is null""")
                .params(action, reason, citation, Timestamp.from(at), guaranteeNo).update() == 1;
    }

    record Pending(String guaranteeNo, String action, String reason, String citation) {
    }

    java.util.List<Pending> pending() {
        return jdbc.sql("""
                select guarantee_no, pending_action, pending_reason, pending_citation from e_guarantee
                where pending_action is not null and status = 'ISSUED' order by pending_since""")
                .query((rs, i) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    Optional<Pending> pending(String guaranteeNo) {
        return pending().stream().filter(p -> p.guaranteeNo().equals(guaranteeNo)).findFirst();
    }

    void failed(String guaranteeNo, String error) {
        jdbc.sql("update e_guarantee set last_error = ? where guarantee_no = ?")
                .params(error.length() > 2000 ? error.substring(0, 2000) : error, guaranteeNo).update();
    }
}
