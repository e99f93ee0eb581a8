package io.huitong.rules;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rule-set versions, their files and their activations, in the database (so every node sees the same). */
@Repository
class RuleSetRepository {

    private final JdbcClient jdbc;

    RuleSetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String version) {
        return jdbc.sql("select count(*) from rule_set_version where version = ?").param(version)
                .query(Integer.class).single() > 0;
    }

    void store(RuleSetSources sources, int ruleCount, Instant at, String by) {
        jdbc.sql("""
                insert into rule_set_version (version, content_hash, origin, file_count, rule_count, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(sources.version(), sources.contentHash(), sources.origin(), sources.files().size(), ruleCount,
                        Timestamp.from(at), by)
                .update();
        for (RuleSource file : sources.files()) {
            jdbc.sql("insert into rule_set_file (version, path, content) values (?, ?, ?)")
                    .params(sources.version(), file.path(), file.content())
                    .update();
        }
    }

    void activate(String version, Instant at, String by) {
        jdbc.sql("insert into rule_set_activation (version, activated_at, activated_by) values (?, ?, ?)")
                .params(version, Timestamp.from(at), by)
                .update();
    }

    Optional<String> activeVersion() {
        return jdbc.sql("select version from rule_set_activation order by id desc fetch first 1 rows only")
                .query(String.class).optional();
    }

    RuleSetSources load(String version) {
        String origin = jdbc.sql("select origin from rule_set_version where version = ?").param(version)
                .query(String.class).optional()
                .orElseThrow(() -> new UnknownRuleSetVersionException(version));
        List<RuleSource> files = jdbc.sql("select path, content from rule_set_file where version = ? order by path")
                .param(version)
                .query((rs, i) -> new RuleSource(rs.getString("path"), rs.getString("content")))
                .list();
        return RuleSetSources.of("database:" + version + " (from " + origin + ")", files);
    }

    List<RuleSetVersionSummary> list() {
        String active = activeVersion().orElse(null);
        return jdbc.sql("""
                select version, content_hash, origin, file_count, rule_count, created_at, created_by
                from rule_set_version order by created_at desc""")
                .query((rs, i) -> new RuleSetVersionSummary(rs.getString("version"), rs.getString("content_hash"),
                        rs.getString("origin"), rs.getInt("file_count"), rs.getInt("rule_count"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                        rs.getString("version").equals(active)))
                .list();
    }
}
