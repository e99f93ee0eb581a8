package io.huitong.rules.impact;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * What to measure: a candidate (a stored version, or the rules folder as a zip, base64) and the past decisions to
 * decide again under it: those taken from {@code from} to {@code to} (days in China, both inclusive), of the kinds
 * named (stored kind or sandbox name; all that can be decided again if none).
 */
public record ImpactRequest(
        @Schema(description = "a stored rule-set version id (GET /api/rules)") @Size(max = 64) String candidateVersion,
        @Schema(description = "the rules folder as a zip, base64; compiled in memory, never activated") String candidateZip,
        @Schema(example = "2026-11-01") LocalDate from,
        @Schema(example = "2026-11-30") LocalDate to,
        @Schema(example = "[\"REGISTRATION\", \"eligibility\"]") @Size(max = 20) List<@Size(max = 40) String> kinds) {
}
