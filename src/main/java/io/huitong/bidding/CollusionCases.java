package io.huitong.bidding;

import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Collusion cases: what the collusion rules found at the opening, raised as flags for the committee; the committee's
 * decisions on them; the confirmed cases as reported to the authority the rules named (O87 36; TBR 51(七)).
 */
@Service
public class CollusionCases {

    private final CollusionFlags flags;
    private final LegalClock clock;

    CollusionCases(CollusionFlags flags, LegalClock clock) {
        this.flags = flags;
        this.clock = clock;
    }

    /**
     * Stores what the collusion rules found as flags for the committee: the findings of one rule that share a bid
     * become one flag over all their bids (three bids with one machine code are one case, not three).
     */
    List<CollusionFlag> raise(String tenderId, int round, List<CollusionFinding> findings, String decisionId,
            Instant now) {
        Map<String, List<CollusionFinding>> byRule = new LinkedHashMap<>();
        // findings of a shared property (one machine code, one account) merge over the bids they share; others
        // (a price sequence, a mixed-up file) stay one flag each
        findings.forEach(f -> byRule.computeIfAbsent(f.shared() ? f.by().rule() : UUID.randomUUID().toString(),
                r -> new ArrayList<>()).add(f));
        List<CollusionFlag> raised = new ArrayList<>();
        for (List<CollusionFinding> ofRule : byRule.values()) {
            List<Set<String>> groups = new ArrayList<>();
            List<List<CollusionFinding>> members = new ArrayList<>();
            for (CollusionFinding f : ofRule) {
                Set<String> merged = new LinkedHashSet<>(f.bidIds());
                List<CollusionFinding> with = new ArrayList<>(List.of(f));
                for (int i = groups.size() - 1; i >= 0; i--) {
                    if (!Collections.disjoint(groups.get(i), merged)) {
                        merged.addAll(groups.remove(i));
                        with.addAll(members.remove(i));
                    }
                }
                groups.add(merged);
                members.add(with);
            }
            for (int i = 0; i < groups.size(); i++) {
                CollusionFinding first = members.get(i).get(0);
                String evidence = members.get(i).stream().map(CollusionFinding::evidence).distinct()
                        .collect(Collectors.joining("；"));
                CollusionFlag flag = new CollusionFlag(UUID.randomUUID().toString(), tenderId, round, first.kind(),
                        first.by().rule(), first.citation(), List.copyOf(groups.get(i)),
                        evidence.length() > 4000 ? evidence.substring(0, 3997) + "…" : evidence, now, decisionId,
                        null, null, null, null, null, null, null);
                flags.insert(flag);
                raised.add(flag);
            }
        }
        return raised;
    }

    /** The collusion flags of the tender's round, open and decided. */
    List<CollusionFlag> of(String tenderId, int round) {
        return flags.of(tenderId, round);
    }

    CollusionFlag get(String tenderId, String flagId) {
        return flags.find(flagId).filter(f -> f.tenderId().equals(tenderId))
                .orElseThrow(() -> new NotFoundException("没有该串通标记 / No collusion flag " + flagId));
    }

    /**
     * Records the committee's decision on a flag (the caller checks who decides and rejects the bids); a confirmed
     * case is reported to the group the rules named, under their article.
     */
    void decide(String flagId, boolean confirmed, String reason, String by, String reportTo, String reportCitation) {
        flags.decide(flagId, confirmed, reason, by, clock.instant(), reportTo, reportCitation);
    }

    /** A committee dismissed: its decisions on the round's flags no longer stand. */
    void undecide(String tenderId, int round) {
        flags.undecide(tenderId, round);
    }

    /**
     * Confirmed collusion cases as reported (O87 36; TBR 51(七)): those addressed to one of {@code groups}, or every
     * case when {@code groups} is null (administrators).
     */
    public List<CollusionFlag> reports(Collection<String> groups) {
        return flags.reported(groups);
    }
}
