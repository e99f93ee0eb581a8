package io.huitong.remote;

import io.huitong.shared.web.NotFoundException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The shared expert pool in the database. */
@Repository
class ExpertPool {

    private final JdbcClient jdbc;

    ExpertPool(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Expert get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("专家库中没有该专家 / No expert " + id));
    }

    public Optional<Expert> find(String id) {
        return jdbc.sql("select * from expert where id = ?").param(id).query((rs, i) -> rs.getString("id")).optional()
                .map(this::load);
    }

    public List<Expert> all() {
        return jdbc.sql("select id from expert order by centre_code, id").query(String.class).list().stream()
                .map(this::load).toList();
    }

    /** The experts of a centre's pool in a speciality, ordered by id: the order every snapshot uses. */
    public List<Expert> of(String centreCode, String speciality) {
        return jdbc.sql("""
                select e.id from expert e join expert_speciality s on s.expert_id = e.id
                where e.centre_code = ? and s.speciality = ? order by e.id""")
                .params(centreCode, speciality).query(String.class).list().stream().map(this::load).toList();
    }

    private Expert load(String id) {
        List<String> specialities = jdbc.sql("select speciality from expert_speciality where expert_id = ? order by 1")
                .param(id).query(String.class).list();
        List<Expert.Employment> employment = jdbc.sql("select * from expert_employment where expert_id = ? order by start_date")
                .param(id).query((rs, i) -> new Expert.Employment(rs.getString("party_id"), rs.getString("party_name"),
                        Expert.Employment.Role.valueOf(rs.getString("role")), rs.getDate("start_date").toLocalDate(),
                        rs.getDate("end_date") == null ? null : rs.getDate("end_date").toLocalDate()))
                .list();
        List<Expert.Relation> relations = jdbc.sql("select * from expert_relation where expert_id = ? order by party_id")
                .param(id).query((rs, i) -> new Expert.Relation(rs.getString("party_id"),
                        Expert.Relation.Kind.valueOf(rs.getString("kind")), rs.getString("note")))
                .list();
        List<Expert.Penalty> penalties = jdbc.sql("select * from expert_penalty where expert_id = ? order by decided_on")
                .param(id).query((rs, i) -> new Expert.Penalty(Expert.Penalty.Kind.valueOf(rs.getString("kind")),
                        rs.getDate("decided_on").toLocalDate(), rs.getString("reason")))
                .list();
        List<Expert.Absence> absences = jdbc.sql("select * from expert_absence where expert_id = ? order by from_date")
                .param(id).query((rs, i) -> new Expert.Absence(rs.getDate("from_date").toLocalDate(),
                        rs.getDate("to_date").toLocalDate(), rs.getString("reason"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
        return jdbc.sql("select * from expert where id = ?").param(id)
                .query((rs, i) -> new Expert(rs.getString("id"), rs.getString("user_id"), rs.getString("name"),
                        rs.getString("id_no"), rs.getString("centre_code"), rs.getString("region_code"),
                        rs.getString("employer_id"), rs.getString("employer_name"), rs.getString("department"),
                        rs.getInt("years_in_field"), rs.getBoolean("senior_title"), specialities, employment,
                        relations, penalties, absences, rs.getTimestamp("created_at").toInstant()))
                .single();
    }

    Expert insert(Expert e, Instant at) {
        String id = e.id() == null ? UUID.randomUUID().toString() : e.id();
        jdbc.sql("""
                insert into expert (id, user_id, name, id_no, centre_code, region_code, employer_id, employer_name,
                    department, years_in_field, senior_title, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, e.userId(), e.name(), e.idNo().strip().toUpperCase(), e.centreCode(), e.regionCode(),
                        e.employerId(), e.employerName(), e.department(), e.yearsInField(), e.seniorTitle(),
                        Timestamp.from(at))
                .update();
        for (String s : e.specialities()) {
            jdbc.sql("insert into expert_speciality (expert_id, speciality) values (?, ?)").params(id, s).update();
        }
        for (Expert.Employment j : e.employment()) {
            jdbc.sql("""
                    insert into expert_employment (id, expert_id, party_id, party_name, role, start_date, end_date)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID().toString(), id, j.partyId(), j.partyName(), j.role().name(),
                            Date.valueOf(j.startDate()), j.endDate() == null ? null : Date.valueOf(j.endDate()))
                    .update();
        }
        for (Expert.Relation r : e.relations()) {
            jdbc.sql("insert into expert_relation (id, expert_id, party_id, kind, note) values (?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID().toString(), id, r.partyId(), r.kind().name(), r.note()).update();
        }
        for (Expert.Penalty p : e.penalties()) {
            jdbc.sql("insert into expert_penalty (id, expert_id, kind, decided_on, reason) values (?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID().toString(), id, p.kind().name(), Date.valueOf(p.decidedOn()), p.reason())
                    .update();
        }
        for (Expert.Absence a : e.absences()) {
            addAbsence(id, new Expert.Absence(a.from(), a.to(), a.reason(), at));
        }
        return get(id);
    }

    void addAbsence(String expertId, Expert.Absence a) {
        jdbc.sql("""
                insert into expert_absence (id, expert_id, from_date, to_date, reason, recorded_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), expertId, Date.valueOf(a.from()), Date.valueOf(a.to()), a.reason(),
                        Timestamp.from(a.recordedAt()))
                .update();
    }

    public Optional<Expert> byUser(String userId) {
        return jdbc.sql("select id from expert where user_id = ?").param(userId).query(String.class).optional()
                .map(this::load);
    }

    public Optional<Expert> byIdNo(String idNo) {
        return jdbc.sql("select id from expert where id_no = ?").param(idNo.strip().toUpperCase()).query(String.class)
                .optional().map(this::load);
    }
}
