package io.huitong.tender;

import io.huitong.shared.time.LegalClock;
import io.huitong.shared.time.PeriodUnit;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every due date of a tender, with the period it comes from and its citation: what the lifecycle's timers wait
 * for and what clerks see. A date is scheduled once per round and name; scheduling it again replaces it.
 */
@Component
public class TenderTimeline {

    /** How a due date stands. */
    public enum State {
        /** Still to come, or (for a step someone owes) passed without being met: then it is overdue. */
        OPEN,
        /** Met: what it waited for happened. */
        MET,
        /**
         * A period that runs out by itself (a window, an announcement, a last day) whose end has passed. Shown, not
         * stored: the stored state stays {@code OPEN} until something closes it.
         */
        ENDED,
        /** No longer relevant (the deadline moved, the tender failed or ended). */
        CANCELLED
    }

    /** A due date. {@code length} and {@code unit} are null for dates set by people (the bid deadline). */
    public record Deadline(String name, String label, int round, OffsetDateTime dueAt, Integer length,
            PeriodUnit unit, String citation, String rule, State state, Instant closedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    TenderTimeline(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Schedules a due date for the tender's round, replacing an open one of the same name. */
    public void schedule(String tenderId, int round, String name, String label, OffsetDateTime dueAt, Integer length,
            PeriodUnit unit, String citation, String rule) {
        close(tenderId, round, name, State.CANCELLED);
        jdbc.sql("""
                insert into tender_deadline (tender_id, round, name, label, due_at, length, unit, citation, rule_name,
                    status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenderId, round, name, label, Timestamp.from(dueAt.toInstant()), length,
                        unit == null ? null : unit.name(), citation, rule, State.OPEN.name(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** Marks the open due date of that name as met or cancelled. */
    public void close(String tenderId, int round, String name, State state) {
        jdbc.sql("""
                update tender_deadline set status = ?, closed_at = ?
                where tender_id = ? and round = ? and name = ? and status = 'OPEN'""")
                .params(state.name(), Timestamp.from(clock.instant()), tenderId, round, name)
                .update();
    }

    /** Cancels every open due date of the round (the tender failed or ended). */
    public void cancelOpen(String tenderId, int round) {
        jdbc.sql("""
                update tender_deadline set status = 'CANCELLED', closed_at = ?
                where tender_id = ? and round = ? and status = 'OPEN'""")
                .params(Timestamp.from(clock.instant()), tenderId, round)
                .update();
    }

    /** The open due date of that name in the round. */
    public Optional<Deadline> open(String tenderId, int round, String name) {
        return jdbc.sql("""
                select * from tender_deadline where tender_id = ? and round = ? and name = ? and status = 'OPEN'
                order by id desc fetch first 1 rows only""")
                .params(tenderId, round, name)
                .query(TenderTimeline::map).optional();
    }

    /** Every due date of the tender, oldest round first, in date order. */
    public List<Deadline> of(String tenderId) {
        return jdbc.sql("select * from tender_deadline where tender_id = ? order by round, due_at, id")
                .param(tenderId).query(TenderTimeline::map).list();
    }

    private static Deadline map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String unit = rs.getString("unit");
        Timestamp closed = rs.getTimestamp("closed_at");
        int length = rs.getInt("length");
        Integer lengthOrNull = rs.wasNull() ? null : length;
        return new Deadline(rs.getString("name"), rs.getString("label"), rs.getInt("round"),
                OffsetDateTime.ofInstant(rs.getTimestamp("due_at").toInstant(), LegalClock.CHINA),
                lengthOrNull, unit == null ? null : PeriodUnit.valueOf(unit),
                rs.getString("citation"), rs.getString("rule_name"), State.valueOf(rs.getString("status")),
                closed == null ? null : closed.toInstant());
    }
}
