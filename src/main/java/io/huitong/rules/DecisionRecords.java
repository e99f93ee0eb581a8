package io.huitong.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.web.Violation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where decision records are kept: one row per evaluation, never changed afterwards. */
@Repository
public class DecisionRecords {

    private static final TypeReference<List<FiredRule>> FIRED = new TypeReference<>() {
    };
    private static final TypeReference<List<Violation>> VIOLATIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    /** Reads amounts as written: 10000.00 stays 10000.00, so a decision taken again sees the inputs it saw. */
    private final com.fasterxml.jackson.databind.ObjectReader exact;
    /** Writes amounts as written: {@link #facts}. */
    private final ObjectMapper exactWriter;

    DecisionRecords(JdbcClient jdbc, ObjectMapper json) {
        this.exact = json.reader()
                .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
        this.jdbc = jdbc;
        this.json = json;
        this.exactWriter = json.copy()
                .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    /**
     * Facts as a record keeps them in its inputs: amounts as written (10000.00, not 1E+4), so that the decision taken
     * again on them renders what it renders alike, and an impact analysis compares it with the record's own answer.
     */
    public JsonNode facts(Object value) {
        return exactWriter.valueToTree(value);
    }

    public void save(DecisionRecord record) {
        jdbc.sql("""
                insert into decision_record (id, kind, outcome, sandbox, tender_id, rule_set_version, decided_at,
                    operator, client_address, inputs, outputs, fired_rules, violations)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(record.id(), record.kind(), record.outcome().name(), record.sandbox(), record.tenderId(),
                        record.ruleSetVersion(), Timestamp.from(record.decidedAt()), record.operator(),
                        record.clientAddress(), write(clipped(record.inputs())), write(record.outputs()),
                        write(record.firedRules()), write(record.violations().stream().map(DecisionRecords::clipped).toList()))
                .update();
    }

    /** Longer texts are kept as their beginning, length and hash: a refusal of an over-long value is still recorded. */
    public static final int KEPT_TEXT = 2_000;

    private static JsonNode clipped(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual() && node.textValue().length() > KEPT_TEXT) {
            return TextNode.valueOf(clip(node.textValue()));
        }
        if (node.isContainerNode()) {
            JsonNode copy = node.deepCopy();
            if (copy instanceof ObjectNode object) {
                object.fieldNames().forEachRemaining(name -> object.set(name, clipped(object.get(name))));
            } else if (copy instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, clipped(array.get(i)));
                }
            }
            return copy;
        }
        return node;
    }

    private static Violation clipped(Violation v) {
        return v.value() instanceof String text && text.length() > KEPT_TEXT
                ? new Violation(v.field(), v.rule(), v.citation(), v.limit(), clip(text), v.message()) : v;
    }

    private static String clip(String text) {
        return text.substring(0, KEPT_TEXT) + "…[" + text.length() + " chars, sha256 "
                + io.huitong.shared.Digests.sha256Hex(text) + "]";
    }

    public Optional<DecisionRecord> find(String id) {
        return jdbc.sql("select * from decision_record where id = ?").param(id).query(this::map).optional();
    }

    public DecisionRecord get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("决策记录不存在 / No decision record " + id));
    }

    public List<DecisionRecord> ofTender(String tenderId) {
        return jdbc.sql("select * from decision_record where tender_id = ? order by decided_at, id")
                .param(tenderId).query(this::map).list();
    }

    /**
     * The decisions taken for real (not in the sandbox) from {@code from} (inclusive) to {@code to} (exclusive), of
     * these kinds, in the order they were taken.
     */
    public List<DecisionRecord> decidedBetween(java.time.Instant from, java.time.Instant to,
            java.util.Collection<String> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from decision_record where sandbox = false and decided_at >= :from"
                        + " and decided_at < :to and kind in (:kinds) order by decided_at, id")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("kinds", List.copyOf(kinds))
                .query(this::map).list();
    }

    /**
     * The same decisions as {@link #decidedBetween}, page by page (at most {@code pageSize} each, in the order they
     * were taken), so that a long period is never held in memory at once: their ids first, in order, then each page
     * by id (a page by offset or by the last key would sort and read the rest of the period again for every page).
     */
    public void decidedBetween(java.time.Instant from, java.time.Instant to, java.util.Collection<String> kinds,
            int pageSize, java.util.function.Consumer<List<DecisionRecord>> pages) {
        if (kinds.isEmpty()) {
            return;
        }
        List<String> ids = jdbc.sql("select id from decision_record where sandbox = false and decided_at >= :from"
                        + " and decided_at < :to and kind in (:kinds) order by decided_at, id")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("kinds", List.copyOf(kinds))
                .query(String.class).list();
        for (int start = 0; start < ids.size(); start += pageSize) {
            List<String> page = ids.subList(start, Math.min(ids.size(), start + pageSize));
            java.util.Map<String, DecisionRecord> byId = new java.util.HashMap<>();
            jdbc.sql("select * from decision_record where id in (:ids)").param("ids", page).query(this::map).list()
                    .forEach(r -> byId.put(r.id(), r));
            pages.accept(page.stream().map(byId::get).filter(java.util.Objects::nonNull).toList());
        }
    }

    /** How many decision records there are (of every kind, sandbox or not). */
    public long count() {
        return jdbc.sql("select count(*) from decision_record").query(Long.class).single();
    }

    private DecisionRecord map(ResultSet rs, int row) throws SQLException {
        try {
            return new DecisionRecord(rs.getString("id"), rs.getString("kind"),
                    DecisionRecord.Outcome.valueOf(rs.getString("outcome")), rs.getBoolean("sandbox"),
                    rs.getString("tender_id"), rs.getString("rule_set_version"),
                    rs.getTimestamp("decided_at").toInstant(), rs.getString("operator"),
                    rs.getString("client_address"), exact.readTree(rs.getString("inputs")),
                    exact.readTree(rs.getString("outputs")), json.readValue(rs.getString("fired_rules"), FIRED),
                    json.readValue(rs.getString("violations"), VIOLATIONS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision record " + rs.getString("id") + " is not readable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a decision record", e);
        }
    }
}
