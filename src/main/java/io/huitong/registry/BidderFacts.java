package io.huitong.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the registry knows about a bidder on a day (the bid deadline), for the rules to decide on: the entity (null when
 * not registered), all its qualifications, the proposed project manager (null when none was named or the certificate
 * is not registered) with every assignment on record, and the performance records of the kind and period asked for.
 * The rules judge validity, employer, speciality and overlaps; nothing is filtered by date here except performance.
 */
public record BidderFacts(String creditCode, LocalDate on, TradingEntity entity, List<Qualification> qualifications,
        RegisteredPerson projectManager, List<ManagerAssignment> managerAssignments,
        List<PerformanceRecord> performance) {

    public BidderFacts {
        qualifications = List.copyOf(qualifications);
        managerAssignments = List.copyOf(managerAssignments);
        performance = List.copyOf(performance);
    }

    /** Whether the entity is in the registry. */
    public boolean registered() {
        return entity != null;
    }

    /** Every fact as one object each, to insert into a rule session: this, the entity, and each record. */
    public List<Object> all() {
        List<Object> all = new ArrayList<>();
        all.add(this);
        if (entity != null) {
            all.add(entity);
        }
        all.addAll(qualifications);
        if (projectManager != null) {
            all.add(projectManager);
        }
        all.addAll(managerAssignments);
        all.addAll(performance);
        return all;
    }
}
