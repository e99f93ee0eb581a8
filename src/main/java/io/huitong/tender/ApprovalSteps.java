package io.huitong.tender;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The completed steps of approval routes: who decided what, when, in which group. */
@Repository
class ApprovalSteps {

    private final JdbcClient jdbc;

    ApprovalSteps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One completed step. */
    record Step(int stepNo, String candidateGroup, boolean approved, String comment, String decidedBy,
            Instant decidedAt, String taskId) {
    }

    void insert(String tenderId, Step step) {
        jdbc.sql("""
                insert into approval_step (tender_id, step_no, candidate_group, approved, comment, decided_by,
                    decided_at, task_id) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenderId, step.stepNo(), step.candidateGroup(), step.approved(), step.comment(),
                        step.decidedBy(), Timestamp.from(step.decidedAt()), step.taskId())
                .update();
    }

    List<Step> of(String tenderId) {
        return jdbc.sql("select * from approval_step where tender_id = ? order by step_no, id")
                .param(tenderId)
                .query((rs, i) -> new Step(rs.getInt("step_no"), rs.getString("candidate_group"),
                        rs.getBoolean("approved"), rs.getString("comment"), rs.getString("decided_by"),
                        rs.getTimestamp("decided_at").toInstant(), rs.getString("task_id")))
                .list();
    }
}
