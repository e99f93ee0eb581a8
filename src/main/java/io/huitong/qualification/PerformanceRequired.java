package io.huitong.qualification;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The performance a bidder must have on record: {@code count} projects of the kind (any kind when null), each of at
 * least {@code minAmount}, completed from {@code since} to the deadline: a fact for one bid's submission.
 */
public record PerformanceRequired(String bidderId, String worksKind, int count, BigDecimal minAmount,
        LocalDate since, LocalDate deadline) {
}
