package io.huitong.rules.impact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.shared.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where impact reports are kept: the only thing an impact analysis writes. */
@Repository
public class ImpactReports {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ImpactReports(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored report: who made it, when, for which candidate version, with which parameters. */
    public record Stored(String id, String createdBy, Instant createdAt, String candidateVersion, JsonNode parameters,
            JsonNode report) {
    }

    void save(Stored report) {
        jdbc.sql("""
                insert into rule_impact_report (id, created_by, created_at, candidate_version, parameters, report)
                values (?, ?, ?, ?, ?, ?)""")
                .params(report.id(), report.createdBy(), Timestamp.from(report.createdAt()), report.candidateVersion(),
                        write(report.parameters()), write(report.report()))
                .update();
    }

    /** Amounts as written (800000, not 8E+5): the application's writer, not the tree's own. */
    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an impact report", e);
        }
    }

    public Optional<Stored> find(String id) {
        return jdbc.sql("select * from rule_impact_report where id = ?").param(id).query((rs, row) -> {
            try {
                return new Stored(rs.getString("id"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("candidate_version"),
                        json.readTree(rs.getString("parameters")), json.readTree(rs.getString("report")));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("impact report " + id + " is not readable", e);
            }
        }).optional();
    }

    public Stored get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("影响分析报告不存在 / No impact report " + id));
    }
}
