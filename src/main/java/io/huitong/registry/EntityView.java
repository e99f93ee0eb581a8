package io.huitong.registry;

import java.util.List;

/** An entity with its records as the registry shows it; performance records are counted here and paged apart. */
public record EntityView(TradingEntity entity, List<Qualification> qualifications, List<RegisteredPerson> personnel,
        List<ManagerAssignment> assignments, long performanceRecords) {
}
