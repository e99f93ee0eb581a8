package io.huitong.remote;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The records partners hand back and their answers to the compensation, in the database. */
@Repository
class PartnerRecordStore {

    private final JdbcClient jdbc;

    PartnerRecordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A record handed back (its content apart: {@link #content}). */
    public record Record(String id, String evaluationId, String centre, String venueId, String kind, String name,
            String contentType, long bytes, String sha256, String uploadedBy, Instant uploadedAt) {
    }

    /** A partner's answer to its compensation. */
    public record Answer(String evaluationId, String centre, boolean agreed, String reason, BigDecimal compensation,
            String answeredBy, Instant answeredAt) {
    }

    Record add(String evaluationId, String centre, String venueId, String kind, String name, String contentType,
            byte[] content, String sha256, String by, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into remote_record (id, evaluation_id, centre_code, venue_id, kind, name, content_type, bytes,
                    sha256, content, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, evaluationId, centre, venueId, kind, name, contentType, (long) content.length, sha256,
                        content, by, Timestamp.from(at))
                .update();
        return record(id).orElseThrow();
    }

    Optional<Record> record(String id) {
        return jdbc.sql("select " + COLUMNS + " from remote_record where id = ?").param(id)
                .query((rs, i) -> record(rs)).optional();
    }

    List<Record> records(String evaluationId) {
        return jdbc.sql("select " + COLUMNS + " from remote_record where evaluation_id = ? order by uploaded_at, id")
                .param(evaluationId).query((rs, i) -> record(rs)).list();
    }

    byte[] content(String id) {
        return jdbc.sql("select content from remote_record where id = ?").param(id)
                .query((rs, i) -> rs.getBytes(1)).single();
    }

    void answer(String evaluationId, String centre, boolean agreed, String reason, BigDecimal compensation, String by,
            Instant at) {
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from remote_compensation_answer "
                + "where evaluation_id = ? and centre_code = ?").params(evaluationId, centre).query(Integer.class)
                .single();
        jdbc.sql("""
                insert into remote_compensation_answer (id, evaluation_id, centre_code, seq, agreed, reason,
                    compensation, answered_by, answered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), evaluationId, centre, seq, agreed, reason, compensation, by,
                        Timestamp.from(at))
                .update();
    }

    /** The partner's latest answer, if it gave one. */
    Optional<Answer> answer(String evaluationId, String centre) {
        return jdbc.sql("""
                select * from remote_compensation_answer where evaluation_id = ? and centre_code = ?
                order by seq desc fetch first 1 rows only""")
                .params(evaluationId, centre)
                .query((rs, i) -> new Answer(rs.getString("evaluation_id"), rs.getString("centre_code"),
                        rs.getBoolean("agreed"), rs.getString("reason"), rs.getBigDecimal("compensation"),
                        rs.getString("answered_by"), rs.getTimestamp("answered_at").toInstant()))
                .optional();
    }

    private static final String COLUMNS = "id, evaluation_id, centre_code, venue_id, kind, name, content_type, bytes, "
            + "sha256, uploaded_by, uploaded_at";

    private static Record record(ResultSet rs) throws SQLException {
        return new Record(rs.getString("id"), rs.getString("evaluation_id"), rs.getString("centre_code"),
                rs.getString("venue_id"), rs.getString("kind"), rs.getString("name"), rs.getString("content_type"),
                rs.getLong("bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
