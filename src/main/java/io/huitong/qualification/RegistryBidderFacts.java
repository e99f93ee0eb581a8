package io.huitong.qualification;

import io.huitong.bidding.BidFacts;
import io.huitong.bidding.BidderFactSource;
import io.huitong.bidding.DecryptedBid;
import io.huitong.registry.BidderFacts;
import io.huitong.registry.ManagerAssignment;
import io.huitong.registry.PerformanceRecord;
import io.huitong.registry.Qualification;
import io.huitong.registry.RegisteredPerson;
import io.huitong.registry.RegistryFacts;
import io.huitong.tender.TenderService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The registry's facts for a bid's rules, with what the tender's documents require: at submission the bidder's
 * qualifications and performance (public, read in the clear); at the opening the project manager each decrypted
 * file names, with the manager's registration and assignments. A tender that requires nothing adds nothing.
 */
@Component
class RegistryBidderFacts implements BidderFactSource {

    private final Requirements requirements;
    private final RegistryFacts registry;
    private final TenderService tenders;

    RegistryBidderFacts(Requirements requirements, RegistryFacts registry, TenderService tenders) {
        this.requirements = requirements;
        this.registry = registry;
        this.tenders = tenders;
    }

    @Override
    public List<Object> atSubmission(String tenderId, BidFacts bid) {
        BidderRequirements r = requirements.of(tenderId).orElse(null);
        if (r == null || (r.qualificationKind() == null && !performance(r))) {
            return List.of();
        }
        LocalDate deadline = tenders.get(tenderId).bidDeadlineDate();
        if (deadline == null) {
            return List.of();
        }
        LocalDate since = performance(r) ? deadline.minusYears(r.performanceYears()) : null;
        BidderFacts facts = registry.of(bid.bidderId(), deadline, null, performance(r) ? r.performanceKind() : null,
                since);
        List<Object> out = new ArrayList<>();
        out.add(new RegistryEntry(bid.bidderId(), facts.registered()));
        if (r.qualificationKind() != null) {
            out.add(new QualificationRequired(bid.bidderId(), r.qualificationKind(), r.qualificationGrade(),
                    deadline));
            out.addAll(facts.qualifications().stream().filter(q -> q.kind().equals(r.qualificationKind())).toList());
        }
        if (performance(r)) {
            out.add(new PerformanceRequired(bid.bidderId(), r.performanceKind(), r.performanceCount(),
                    r.performanceMinAmount() == null ? BigDecimal.ZERO : r.performanceMinAmount(), since, deadline));
            out.addAll(facts.performance());
        }
        return out;
    }

    @Override
    public List<Object> atOpening(String tenderId, List<DecryptedBid> bids) {
        BidderRequirements r = requirements.of(tenderId).orElse(null);
        if (r == null || r.managerSpeciality() == null) {
            return List.of();
        }
        LocalDate deadline = tenders.get(tenderId).bidDeadlineDate();
        if (deadline == null) {
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        for (DecryptedBid bid : bids) {
            String certificate = bid.projectManagerCertificateNo();
            out.add(new ManagerRequired(bid.bidId(), bid.bidderId(), bid.bidderName(), certificate,
                    r.managerSpeciality(), deadline, tenderId));
            if (certificate != null) {
                BidderFacts facts = registry.of(bid.bidderId(), deadline, certificate, null, null);
                if (facts.projectManager() != null && !out.contains(facts.projectManager())) {
                    out.add(facts.projectManager());
                }
                facts.managerAssignments().stream().filter(a -> !out.contains(a)).forEach(out::add);
            }
        }
        return out;
    }

    @Override
    public List<Class<? extends Record>> factTypes() {
        return List.of(RegistryEntry.class, QualificationRequired.class, Qualification.class,
                PerformanceRequired.class, PerformanceRecord.class, ManagerRequired.class, RegisteredPerson.class,
                ManagerAssignment.class);
    }

    private static boolean performance(BidderRequirements r) {
        return r.performanceCount() != null && r.performanceCount() > 0;
    }
}
