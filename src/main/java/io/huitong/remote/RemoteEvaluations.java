package io.huitong.remote;

import io.huitong.remote.RemoteRecords.Evaluation;
import io.huitong.remote.RemoteRecords.LinkFailure;
import io.huitong.remote.RemoteRecords.Partner;
import io.huitong.remote.RemoteRecords.PartnerStatus;
import io.huitong.remote.RemoteRecords.Seat;
import io.huitong.remote.RemoteRecords.SeatStatus;
import io.huitong.remote.RemoteRecords.Status;
import io.huitong.shared.web.NotFoundException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Remote evaluations and their partners, seats and link failures in the database (the draws: {@link DrawRecords}). */
@Repository
class RemoteEvaluations {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    RemoteEvaluations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- the evaluation ---------------------------------------------------------------------------------------

    Evaluation get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("没有该远程异地评标 / No remote evaluation " + id));
    }

    Optional<Evaluation> find(String id) {
        return jdbc.sql("select * from remote_evaluation where id = ?").param(id).query((rs, i) -> evaluation(rs))
                .optional();
    }

    /** The evaluation a process instance (remote-evaluation or remote-settlement) belongs to. */
    Optional<Evaluation> byProcessInstance(String processInstanceId) {
        return jdbc.sql("select * from remote_evaluation where process_instance_id = ? or settlement_instance_id = ?")
                .params(processInstanceId, processInstanceId).query((rs, i) -> evaluation(rs)).optional();
    }

    void settlementStarted(String id, String processInstanceId) {
        jdbc.sql("update remote_evaluation set settlement_instance_id = ? where id = ?").params(processInstanceId, id)
                .update();
    }

    /** A seed committed to before the pool is fixed: its hash is shown to every party at once. */
    void commitNextSeed(String id, String seed, String hash, Instant at) {
        jdbc.sql("update remote_evaluation set next_seed = ?, next_seed_hash = ?, next_seed_committed_at = ? where id = ?")
                .params(seed, hash, Timestamp.from(at), id).update();
    }

    /**
     * The seed committed for the next draw, read only by the draw itself: it is not part of {@link Evaluation}, so
     * nothing that shows an evaluation can show the seed before the draw reveals it.
     */
    Optional<String> nextSeed(String id) {
        return jdbc.sql("select next_seed from remote_evaluation where id = ? and next_seed is not null").param(id)
                .query(String.class).optional();
    }

    void clearNextSeed(String id) {
        jdbc.sql("update remote_evaluation set next_seed = null, next_seed_hash = null, next_seed_committed_at = null "
                + "where id = ?").param(id).update();
    }

    List<Evaluation> ofTender(String tenderId) {
        return jdbc.sql("select * from remote_evaluation where tender_id = ? order by created_at").param(tenderId)
                .query((rs, i) -> evaluation(rs)).list();
    }

    List<Evaluation> all() {
        return jdbc.sql("select * from remote_evaluation order by created_at desc").query((rs, i) -> evaluation(rs))
                .list();
    }

    Evaluation create(String tenderId, int round, String mainCentre, String processInstanceId, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into remote_evaluation (id, tender_id, round, main_centre, process_instance_id, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenderId, round, mainCentre, processInstanceId, Status.PLANNING.name(), Timestamp.from(at))
                .update();
        return get(id);
    }

    void status(String id, Status status) {
        jdbc.sql("update remote_evaluation set status = ? where id = ?").params(status.name(), id).update();
    }

    void plan(String id, String speciality, int committeeSize, OffsetDateTime scheduledStart, String purchaserId,
            String supervisoryDepartment, List<String> representatives, String mainVenueId, String by, Instant at) {
        jdbc.sql("""
                update remote_evaluation set speciality = ?, committee_size = ?, scheduled_start = ?, purchaser_id = ?,
                    supervisory_department = ?, representatives = ?, main_venue_id = ?, planned_by = ?, planned_at = ?,
                    status = ? where id = ?""")
                .params(speciality, committeeSize, ts(scheduledStart), purchaserId, supervisoryDepartment,
                        String.join(",", representatives), mainVenueId, by, Timestamp.from(at),
                        Status.REQUESTING.name(), id)
                .update();
    }

    void reschedule(String id, OffsetDateTime scheduledStart) {
        jdbc.sql("update remote_evaluation set scheduled_start = ?, main_prepared_at = null, main_prepared_by = null, "
                + "reviewed_at = null, started_at = null where id = ?").params(ts(scheduledStart), id).update();
    }

    void mainPrepared(String id, String by, Instant at) {
        jdbc.sql("update remote_evaluation set main_prepared_at = ?, main_prepared_by = ? where id = ?")
                .params(Timestamp.from(at), by, id).update();
    }

    void reviewed(String id, Instant at) {
        jdbc.sql("update remote_evaluation set reviewed_at = ? where id = ?").params(ts(at), id).update();
    }

    void started(String id, Instant at) {
        jdbc.sql("update remote_evaluation set started_at = coalesce(started_at, ?), status = ? where id = ?")
                .params(Timestamp.from(at), Status.EVALUATING.name(), id).update();
    }

    void confirmed(String id, String by, Instant at) {
        jdbc.sql("update remote_evaluation set confirmed_at = ?, confirmed_by = ?, status = ? where id = ?")
                .params(Timestamp.from(at), by, Status.CONFIRMED.name(), id).update();
    }

    private static Evaluation evaluation(ResultSet rs) throws SQLException {
        String reps = rs.getString("representatives");
        return new Evaluation(rs.getString("id"), rs.getString("tender_id"), rs.getInt("round"),
                rs.getString("main_centre"), rs.getString("process_instance_id"),
                rs.getString("settlement_instance_id"), Status.valueOf(rs.getString("status")),
                rs.getString("speciality"), (Integer) rs.getObject("committee_size"), offset(rs, "scheduled_start"),
                rs.getString("purchaser_id"), rs.getString("supervisory_department"),
                reps == null || reps.isBlank() ? List.of() : Arrays.asList(reps.split(",")),
                rs.getString("main_venue_id"), instant(rs, "main_prepared_at"), rs.getString("main_prepared_by"),
                rs.getString("planned_by"), instant(rs, "planned_at"), instant(rs, "reviewed_at"),
                rs.getString("next_seed_hash"), instant(rs, "next_seed_committed_at"),
                instant(rs, "started_at"), instant(rs, "confirmed_at"), rs.getString("confirmed_by"),
                instant(rs, "created_at"));
    }

    // ---- partners ---------------------------------------------------------------------------------------------

    List<Partner> partners(String evaluationId) {
        return jdbc.sql("select * from remote_partner where evaluation_id = ? order by seq").param(evaluationId)
                .query((rs, i) -> partner(rs)).list();
    }

    /** The partners that accepted, in the order they were asked. */
    List<Partner> accepted(String evaluationId) {
        return partners(evaluationId).stream().filter(p -> p.status() == PartnerStatus.ACCEPTED).toList();
    }

    Partner partner(String evaluationId, String centre) {
        return jdbc.sql("select * from remote_partner where evaluation_id = ? and centre_code = ?")
                .params(evaluationId, centre).query((rs, i) -> partner(rs)).optional()
                .orElseThrow(() -> new NotFoundException("没有向该中心发出的协作请求 / No request to centre " + centre));
    }

    void addPartner(String evaluationId, String centre) {
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from remote_partner where evaluation_id = ?")
                .param(evaluationId).query(Integer.class).single();
        jdbc.sql("insert into remote_partner (id, evaluation_id, centre_code, seq, status) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), evaluationId, centre, seq, PartnerStatus.PENDING.name()).update();
    }

    void requested(String evaluationId, String centre, int expertSeats, Instant at, OffsetDateTime due) {
        jdbc.sql("""
                update remote_partner set status = ?, requested_at = ?, answer_due = ?, expert_seats = ?
                where evaluation_id = ? and centre_code = ?""")
                .params(PartnerStatus.REQUESTED.name(), Timestamp.from(at), ts(due), expertSeats, evaluationId, centre)
                .update();
    }

    void answered(String evaluationId, String centre, PartnerStatus status, String venueId, String reason, String by,
            Instant at) {
        jdbc.sql("""
                update remote_partner set status = ?, venue_id = ?, reason = ?, answered_by = ?, answered_at = ?
                where evaluation_id = ? and centre_code = ?""")
                .params(status.name(), venueId, reason, by, ts(at), evaluationId, centre).update();
    }

    void expertSeats(String evaluationId, String centre, int seats) {
        jdbc.sql("update remote_partner set expert_seats = ? where evaluation_id = ? and centre_code = ?")
                .params(seats, evaluationId, centre).update();
    }

    void prepared(String evaluationId, String centre, String by, Instant at) {
        jdbc.sql("update remote_partner set prepared_at = ?, prepared_by = ? where evaluation_id = ? and centre_code = ?")
                .params(ts(at), by, evaluationId, centre).update();
    }

    void unprepareAll(String evaluationId) {
        jdbc.sql("update remote_partner set prepared_at = null, prepared_by = null where evaluation_id = ?")
                .param(evaluationId).update();
    }

    void recordsDue(String evaluationId, String centre, OffsetDateTime due) {
        jdbc.sql("update remote_partner set records_due = ? where evaluation_id = ? and centre_code = ?")
                .params(ts(due), evaluationId, centre).update();
    }

    void recordsHandedBack(String evaluationId, String centre, String note, String by, Instant at) {
        jdbc.sql("""
                update remote_partner set records_at = ?, records_by = ?, records_note = ?
                where evaluation_id = ? and centre_code = ?""")
                .params(Timestamp.from(at), by, note, evaluationId, centre).update();
    }

    void reminded(String evaluationId, String centre, Instant at) {
        jdbc.sql("update remote_partner set reminded_at = ? where evaluation_id = ? and centre_code = ?")
                .params(Timestamp.from(at), evaluationId, centre).update();
    }

    void escalated(String evaluationId, String centre, Instant at) {
        jdbc.sql("update remote_partner set escalated_at = ? where evaluation_id = ? and centre_code = ?")
                .params(Timestamp.from(at), evaluationId, centre).update();
    }

    void settled(String evaluationId, String centre, BigDecimal amount, String terms, Instant at) {
        jdbc.sql("""
                update remote_partner set compensation = ?, compensation_terms = ?, settled_at = ?
                where evaluation_id = ? and centre_code = ?""")
                .params(amount, terms, Timestamp.from(at), evaluationId, centre).update();
    }

    private static Partner partner(ResultSet rs) throws SQLException {
        return new Partner(rs.getString("id"), rs.getString("evaluation_id"), rs.getString("centre_code"),
                rs.getInt("seq"), PartnerStatus.valueOf(rs.getString("status")), instant(rs, "requested_at"),
                offset(rs, "answer_due"), instant(rs, "answered_at"), rs.getString("answered_by"),
                rs.getString("reason"), rs.getString("venue_id"), (Integer) rs.getObject("expert_seats"),
                instant(rs, "prepared_at"), rs.getString("prepared_by"), offset(rs, "records_due"),
                instant(rs, "records_at"), rs.getString("records_by"), rs.getString("records_note"),
                instant(rs, "reminded_at"), instant(rs, "escalated_at"), rs.getBigDecimal("compensation"),
                rs.getString("compensation_terms"), instant(rs, "settled_at"));
    }

    // ---- seats ------------------------------------------------------------------------------------------------

    List<Seat> seats(String evaluationId) {
        return jdbc.sql("select * from remote_seat where evaluation_id = ? order by seq, signed_in_at nulls last")
                .param(evaluationId).query((rs, i) -> seat(rs)).list();
    }

    Seat seat(String id) {
        return jdbc.sql("select * from remote_seat where id = ?").param(id).query((rs, i) -> seat(rs)).optional()
                .orElseThrow(() -> new NotFoundException("没有该席位 / No seat " + id));
    }

    void replacementUser(String seatId, String userId) {
        jdbc.sql("update remote_seat set replacement_user_id = ? where id = ?").params(userId, seatId).update();
    }

    Seat addSeat(String evaluationId, int seq, String venueId, String centre, String role, String expertId,
            String userId, String drawId) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into remote_seat (id, evaluation_id, seq, venue_id, centre_code, role, expert_id, user_id,
                    draw_id, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, evaluationId, seq, venueId, centre, role, expertId, userId, drawId,
                        SeatStatus.DRAWN.name())
                .update();
        return seat(id);
    }

    void signedIn(String seatId, String witness, String memberId, Instant at) {
        jdbc.sql("update remote_seat set status = ?, signed_in_at = ?, witnessed_by = ?, member_id = ? where id = ?")
                .params(SeatStatus.SIGNED_IN.name(), Timestamp.from(at), witness, memberId, seatId).update();
    }

    void seatStatus(String seatId, SeatStatus status) {
        jdbc.sql("update remote_seat set status = ? where id = ?").params(status.name(), seatId).update();
    }

    void endSeat(String seatId, SeatStatus status, String reason, String replacedBy, Instant at) {
        jdbc.sql("update remote_seat set status = ?, ended_at = ?, end_reason = ?, replaced_by = ? where id = ?")
                .params(status.name(), Timestamp.from(at), reason, replacedBy, seatId).update();
    }

    private static Seat seat(ResultSet rs) throws SQLException {
        return new Seat(rs.getString("id"), rs.getString("evaluation_id"), rs.getInt("seq"), rs.getString("venue_id"),
                rs.getString("centre_code"), rs.getString("role"), rs.getString("expert_id"), rs.getString("user_id"),
                rs.getString("draw_id"), SeatStatus.valueOf(rs.getString("status")), instant(rs, "signed_in_at"),
                rs.getString("witnessed_by"), rs.getString("member_id"), instant(rs, "ended_at"),
                rs.getString("end_reason"), rs.getString("replaced_by"), rs.getString("replacement_user_id"));
    }

    // ---- link failures ----------------------------------------------------------------------------------------

    List<LinkFailure> failures(String evaluationId) {
        return jdbc.sql("select * from link_failure where evaluation_id = ? order by reported_at").param(evaluationId)
                .query((rs, i) -> failure(rs)).list();
    }

    Optional<LinkFailure> openFailure(String evaluationId) {
        return failures(evaluationId).stream().filter(LinkFailure::isOpen).reduce((a, b) -> b);
    }

    LinkFailure reportFailure(String evaluationId, String venueId, String stage, String description, String by,
            Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into link_failure (id, evaluation_id, venue_id, stage, reported_at, reported_by, description)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, evaluationId, venueId, stage, Timestamp.from(at), by, description).update();
        return failures(evaluationId).stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    void sealed(String failureId, Instant at) {
        jdbc.sql("update link_failure set sealed_at = coalesce(sealed_at, ?) where id = ?")
                .params(Timestamp.from(at), failureId).update();
    }

    void restored(String failureId, Instant at) {
        jdbc.sql("update link_failure set restored_at = ? where id = ?").params(Timestamp.from(at), failureId).update();
    }

    void failureOutcome(String failureId, String outcome) {
        jdbc.sql("update link_failure set outcome = ? where id = ?").params(outcome, failureId).update();
    }

    void failureDecision(String failureId, String decision, String by) {
        jdbc.sql("update link_failure set decision = ?, decided_by = ? where id = ?").params(decision, by, failureId)
                .update();
    }

    private static LinkFailure failure(ResultSet rs) throws SQLException {
        return new LinkFailure(rs.getString("id"), rs.getString("evaluation_id"), rs.getString("venue_id"),
                rs.getString("stage"), instant(rs, "reported_at"), rs.getString("reported_by"),
                rs.getString("description"), instant(rs, "restored_at"), rs.getString("decision"),
                rs.getString("outcome"), rs.getString("decided_by"), instant(rs, "sealed_at"));
    }

    // ---- mapping ----------------------------------------------------------------------------------------------

    private static Timestamp ts(OffsetDateTime at) {
        return at == null ? null : Timestamp.from(at.toInstant());
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime offset(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().atZone(CHINA).toOffsetDateTime();
    }
}
