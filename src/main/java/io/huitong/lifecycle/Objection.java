package io.huitong.lifecycle;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * An objection (异议, Tendering Law) or challenge (质疑, government procurement) to the tender documents or to
 * the evaluation result. It suspends the procedure until answered (TBR 22, 54).
 */
public record Objection(String id, String tenderId, int round, Stage stage, String raisedBy, String raisedByParty,
        Instant raisedAt, String content, String answer, String answeredBy, Instant answeredAt,
        Boolean amendsDocuments, OffsetDateTime deadlineAfter, String signatureDecisionId) {

    public enum Stage {
        /** To the tender documents, before the deadline. */
        DOCUMENTS,
        /** To the evaluation result, during candidate publicity. */
        RESULT
    }

    public boolean isPending() {
        return answeredAt == null;
    }
}
