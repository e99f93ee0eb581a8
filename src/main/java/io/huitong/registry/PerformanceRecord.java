package io.huitong.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A performance record (业绩) of an entity: the project, its client, the contract amount (yuan), the dates (end null
 * while unfinished), the entity's role (施工总承包, 联合体成员, ...) and the kind of works.
 */
public record PerformanceRecord(String id, String creditCode, String project, String client, BigDecimal amount,
        LocalDate startDate, LocalDate endDate, String role, String worksKind, Source source, String checkId) {
}
