package io.huitong.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.tender.Tender;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The evaluation report the members sign (TBR 53), as text: the ranking the last aggregation of the current round
 * decided (its EVALUATION decision record: every valid bid with its scores and rank, the number of candidates and the
 * article limiting it). The text is made by the platform, compact JSON, and given to the members as it is
 * ({@code GET /api/tenders/{id}/report}, field {@code content}); a member's signature is a detached CMS signature over
 * its UTF-8 bytes. A new aggregation (a corrected score) makes a new report, and signatures of the old one no longer
 * verify.
 */
@Component
class EvaluationReport {

    private final DecisionRecords decisionRecords;
    private final ObjectMapper json;

    EvaluationReport(DecisionRecords decisionRecords, ObjectMapper json) {
        this.decisionRecords = decisionRecords;
        this.json = json;
    }

    /** The report of the tender's current round, or empty before the scores are aggregated. */
    Optional<ReportView> of(Tender tender) {
        DecisionRecord last = null;
        for (DecisionRecord r : decisionRecords.ofTender(tender.id())) {
            if ("EVALUATION".equals(r.kind()) && r.inputs().path("round").asInt(1) == tender.round()) {
                last = r;
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        JsonNode outputs = last.outputs();
        ObjectNode report = json.createObjectNode().put("tenderId", tender.id()).put("round", tender.round())
                .put("decisionId", last.id());
        report.set("ranking", outputs.path("ranking"));
        report.set("candidates", outputs.path("candidates"));
        report.set("candidatesCitation", outputs.path("candidatesCitation"));
        try {
            String content = json.writeValueAsString(report);
            return Optional.of(new ReportView(tender.id(), tender.round(), last.id(), content, sha256(content)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report of " + tender.id(), e);
        }
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
