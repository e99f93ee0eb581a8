package io.huitong.remote;

import io.huitong.shared.web.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** This centre's engagements as the partner of another platform's remote evaluation, in the database. */
@Repository
class Engagements {

    private final JdbcClient jdbc;

    Engagements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PartnerEngagement get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("没有该协作事项 / No engagement " + id));
    }

    Optional<PartnerEngagement> find(String id) {
        return jdbc.sql("select * from partner_engagement where id = ?").param(id).query(Engagements::row).optional();
    }

    Optional<PartnerEngagement> of(String mainCentre, String evaluationRef) {
        return jdbc.sql("select * from partner_engagement where main_centre = ? and evaluation_ref = ?")
                .params(mainCentre, evaluationRef).query(Engagements::row).optional();
    }

    List<PartnerEngagement> all() {
        return jdbc.sql("select * from partner_engagement order by requested_at desc").query(Engagements::row).list();
    }

    void insert(PartnerEngagement e) {
        jdbc.sql("""
                insert into partner_engagement (id, main_centre, evaluation_ref, status, tender_title, regime,
                    speciality, expert_seats, evaluation_start, answer_due, avoidance, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.id(), e.mainCentre(), e.evaluationRef(), e.status().name(), e.tenderTitle(), e.regime(),
                        e.speciality(), e.expertSeats(), e.evaluationStart(), e.answerDue(), e.avoidance(),
                        Timestamp.from(e.requestedAt()))
                .update();
    }

    void started(String id, String processInstanceId) {
        jdbc.sql("update partner_engagement set process_instance_id = ? where id = ?").params(processInstanceId, id)
                .update();
    }

    void answered(String id, PartnerEngagement.Status status, String venueId, String reason, String by, Instant at) {
        jdbc.sql("update partner_engagement set status = ?, venue_id = ?, reason = ?, answered_by = ?, "
                + "answered_at = ? where id = ?").params(status.name(), venueId, reason, by, Timestamp.from(at), id)
                .update();
    }

    void prepared(String id, String by, Instant at) {
        jdbc.sql("update partner_engagement set status = ?, prepared_by = ?, prepared_at = ? where id = ?")
                .params(PartnerEngagement.Status.PREPARED.name(), by, Timestamp.from(at), id).update();
    }

    void status(String id, PartnerEngagement.Status status) {
        jdbc.sql("update partner_engagement set status = ? where id = ?").params(status.name(), id).update();
    }

    private static PartnerEngagement row(ResultSet rs, int i) throws SQLException {
        return new PartnerEngagement(rs.getString("id"), rs.getString("main_centre"), rs.getString("evaluation_ref"),
                rs.getString("process_instance_id"), PartnerEngagement.Status.valueOf(rs.getString("status")),
                rs.getString("tender_title"), rs.getString("regime"), rs.getString("speciality"),
                rs.getInt("expert_seats"), rs.getObject("evaluation_start", OffsetDateTime.class),
                rs.getObject("answer_due", OffsetDateTime.class), rs.getString("avoidance"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("venue_id"),
                instant(rs.getTimestamp("answered_at")), rs.getString("answered_by"), rs.getString("reason"),
                instant(rs.getTimestamp("prepared_at")), rs.getString("prepared_by"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
