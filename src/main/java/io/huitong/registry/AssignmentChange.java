package io.huitong.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A change an entity told of one of its assignments as project manager after declaring it: its number (1 the first),
 * who told it and when, and the completion, stop and client's consent before and after. Kept, never changed: the assignment's history.
 */
public record AssignmentChange(String id, String assignmentId, int changeNo, String creditCode, Instant changedAt,
        String changedBy, LocalDate completedOnBefore, LocalDate completedOn, LocalDate stoppedSinceBefore,
        LocalDate stoppedSince, boolean clientConsentBefore, boolean clientConsent) {
}
