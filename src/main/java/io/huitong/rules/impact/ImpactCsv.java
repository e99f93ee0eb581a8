package io.huitong.rules.impact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The changed decisions of an impact report as CSV: one line each, for a spreadsheet. */
public final class ImpactCsv {

    private ImpactCsv() {
    }

    /** The report's changed decisions as CSV. */
    public static String csv(JsonNode report) {
        StringBuilder out = new StringBuilder("decision_id,kind,tender_id,decided_at,rule_set_version,differences,"
                + "fired_only_before,fired_only_after\r\n");
        for (JsonNode c : report.path("changed")) {
            List<String> diffs = new ArrayList<>();
            c.path("differences").forEach(d -> diffs.add(d.path("path").asText() + ": " + text(d.get("before"))
                    + " -> " + text(d.get("after"))));
            List<String> before = new ArrayList<>();
            c.path("firedOnlyBefore").forEach(f -> before.add(f.path("rule").asText()));
            List<String> after = new ArrayList<>();
            c.path("firedOnlyAfter").forEach(f -> after.add(f.path("rule").asText()));
            out.append(String.join(",", List.of(cell(c.path("decisionId").asText()), cell(c.path("kind").asText()),
                    cell(c.path("tenderId").asText("")), cell(c.path("decidedAt").asText()),
                    cell(c.path("ruleSetVersion").asText()), cell(String.join("; ", diffs)),
                    cell(String.join("; ", before)), cell(String.join("; ", after))))).append("\r\n");
        }
        return out.toString();
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "(none)";
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        return node.isValueNode() ? node.asText() : PLAIN.writeValueAsStringUnchecked(node);
    }

    /** Amounts as written (800000, not 8E+5). */
    private static final class PlainWriter {
        private final ObjectMapper mapper = new ObjectMapper()
                .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

        String writeValueAsStringUnchecked(JsonNode node) {
            try {
                return mapper.writeValueAsString(node);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final PlainWriter PLAIN = new PlainWriter();

    /** A CSV cell, quoted; a leading = + - @ is neutralised so a spreadsheet does not run it as a formula. */
    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
