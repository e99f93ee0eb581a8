package io.huitong.rules;

import java.time.Instant;

/** A stored rule-set version as listed: its hash, origin, counts, when created and whether it is in force. */
public record RuleSetVersionSummary(String version, String contentHash, String origin, int fileCount,
        int ruleCount, Instant createdAt, String createdBy, boolean active) {
}
