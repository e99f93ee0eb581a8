package io.huitong.lifecycle;

import io.huitong.rules.Notice;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.time.LegalCalendar;
import io.huitong.shared.time.LegalClock;
import io.huitong.tender.Regime;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderTimeline;
import io.huitong.tender.registration.RegistrationDecision;
import io.huitong.tender.registration.RegistrationDecision.Period;
import io.huitong.tender.registration.RegistrationEvaluation;
import io.huitong.tender.registration.RegistrationRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The legal calendar service of the lifecycle: every period comes from the rules of the tender's rule-set
 * version, with its unit and article, and is counted by that version's holiday calendar (X11). Each due date is
 * kept in the tender's timeline, which the timers of the model read.
 */
@Component
class LegalPeriods {

    private final RuleSetRegistry ruleSets;
    private final TenderService tenders;
    private final TenderTimeline timeline;
    private final RegistrationRules registrationRules;
    private final LegalClock clock;
    private final io.huitong.rules.DecisionRecords decisionRecords;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    LegalPeriods(RuleSetRegistry ruleSets, TenderService tenders, TenderTimeline timeline,
            RegistrationRules registrationRules, LegalClock clock, io.huitong.rules.DecisionRecords decisionRecords,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        this.decisionRecords = decisionRecords;
        this.json = json;
        this.ruleSets = ruleSets;
        this.tenders = tenders;
        this.timeline = timeline;
        this.registrationRules = registrationRules;
        this.clock = clock;
    }

    public LifecycleFacts facts(Tender tender) {
        RegistrationDecision decisions = tenders.decisions(tender);
        return new LifecycleFacts(decisions.applicableLaw(), tender.regime(), tender.category(),
                tender.procurementMethod(), decisions.mustTender(),
                decisions.applicableLaw() == Regime.TENDERING_LAW && decisions.openTenderRequired(), tender.regionCode(),
                tender.estimatedAmount());
    }

    /** The period of that name for the tender, as its rules give it. */
    public LegalPeriod period(Tender tender, String name) {
        List<LegalPeriod> periods = ruleSet(tender).evaluate(procedureDate(tender), List.of(facts(tender), new PeriodQuery(name)))
                .all(LegalPeriod.class);
        if (periods.size() != 1) {
            throw new IllegalStateException("rule set " + tender.ruleSetVersion() + " gives " + periods.size()
                    + " periods '" + name + "' for tender " + tender.id() + " (" + facts(tender) + ")");
        }
        return periods.get(0);
    }

    /** Whether the first-ranked candidate must win unless it drops out (TBR 55). */
    /**
     * The article by which the winner goes by rank (another candidate only with the reason the better-ranked ones
     * dropped out), from the rule that decides it: under government procurement the rule of the purchaser's period
     * to determine the winner in rank order, under the Tendering Law the rule that makes rank one win; null where the
     * tenderer chooses freely among the candidates.
     */
    public String rankOrderCitation(Tender tender) {
        if (facts(tender).law() == Regime.GOVERNMENT_PROCUREMENT) {
            return period(tender, "winnerDetermination").by().citation();
        }
        return ruleSet(tender).evaluate(procedureDate(tender), List.of(facts(tender))).all(WinnerByRank.class).stream()
                .findFirst().map(w -> w.by().citation()).orElse(null);
    }

    public boolean winnerByRank(Tender tender) {
        return ruleSet(tender).evaluate(procedureDate(tender), List.of(facts(tender))).any(WinnerByRank.class);
    }

    /**
     * Where the tender is evaluated: remotely across centres when the province's policy says so (J2), else at its
     * own centre. The decision is recorded with the rules that fired.
     */
    /** Whether the province's policy sends the tender to remote evaluation (nothing recorded). */
    public boolean remoteRequired(Tender tender) {
        return ruleSet(tender).evaluate(procedureDate(tender), List.of(facts(tender))).any(RemoteEvaluationRequired.class);
    }

    public String evaluationProcess(Tender tender) {
        RuleSet ruleSet = ruleSet(tender);
        LifecycleFacts facts = facts(tender);
        RuleSet.Evaluation evaluation = ruleSet.evaluate(procedureDate(tender), List.of(facts));
        String process = evaluation.any(RemoteEvaluationRequired.class) ? LifecycleProcess.REMOTE_EVALUATION
                : LifecycleProcess.LOCAL_EVALUATION;
        decisionRecords.save(new io.huitong.rules.DecisionRecord(java.util.UUID.randomUUID().toString(),
                "EVALUATION_VENUE", io.huitong.rules.DecisionRecord.Outcome.ACCEPTED, false, tender.id(),
                ruleSet.version(), clock.instant(), "system", null, json.valueToTree(facts),
                json.createObjectNode().put("evaluationProcess", process), evaluation.firedRules(), List.of()));
        return process;
    }

    /** How many bids the tender's procedure needs (TBL 28; O87 41; GPL 38–40). */
    public int minimumBids(Tender tender) {
        List<MinimumBids> minimum = ruleSet(tender).evaluate(procedureDate(tender), List.of(facts(tender))).all(MinimumBids.class);
        if (minimum.size() != 1) {
            throw new IllegalStateException("the rules give " + minimum.size() + " minimum bid counts for " + tender.id());
        }
        return minimum.get(0).count();
    }

    /** Why the round failed and on which article, as {@code rules/lifecycle/failure-reasons.drl} gives it. */
    public FailureReason failureReason(Tender tender, FailureFacts failure) {
        List<FailureReason> reasons = ruleSet(tender).evaluate(procedureDate(tender), List.of(facts(tender), failure))
                .all(FailureReason.class);
        if (reasons.size() != 1) {
            throw new IllegalStateException("the rules give " + reasons.size() + " reasons for the failure of "
                    + tender.id() + " (" + failure + ")");
        }
        return reasons.get(0);
    }

    /** Why the rules refuse a step after a failure (TBL 28 and F4; O87 43), if they do. */
    public List<io.huitong.shared.web.Violation> afterFailureRefusals(Tender tender, boolean methodChange,
            boolean documentsDefective) {
        return ruleSet(tender).evaluate(procedureDate(tender), List.of(new AfterFailureFacts(facts(tender).law(), tender.round(), methodChange,
                documentsDefective))).all(io.huitong.rules.Refusal.class).stream()
                .map(io.huitong.rules.Refusal::violation).toList();
    }

    /**
     * The documents went out later than planned: the deadline moves, at its time of day, to the earliest day
     * every enforced period allows (TBL 24; GPL 35; TBR 16). The decision is recorded with its articles.
     */
    public void keepMinimumPeriods(Tender tender) {
        RuleSet ruleSet = ruleSet(tender);
        RegistrationEvaluation evaluation = registrationRules.evaluate(tenders.facts(tender, tender.documentIssueDate(),
                tender.bidDeadline(), tender.round() > 1, clock.today()), ruleSet, procedureDate(tender));
        LocalDate earliest = evaluation.violations().stream()
                .filter(v -> "bidDeadline".equals(v.field()) && v.limit() instanceof LocalDate)
                .map(v -> (LocalDate) v.limit()).max(LocalDate::compareTo).orElse(null);
        if (earliest == null) {
            return;
        }
        OffsetDateTime moved = earliest.atTime(tender.bidDeadline().atZoneSameInstant(LegalClock.CHINA).toLocalTime())
                .atZone(LegalClock.CHINA).toOffsetDateTime();
        OffsetDateTime before = tender.bidDeadline();
        tenders.change(tender.id(), t -> t.moveDeadline(moved));
        decisionRecords.save(new io.huitong.rules.DecisionRecord(java.util.UUID.randomUUID().toString(), "ANNOUNCEMENT",
                io.huitong.rules.DecisionRecord.Outcome.ACCEPTED, false, tender.id(), ruleSet.version(), clock.instant(),
                "system", null, json.createObjectNode().put("documentIssueDate", tender.documentIssueDate().toString())
                        .put("deadlineBefore", before.toString()),
                json.createObjectNode().put("deadlineAfter", moved.toString()), evaluation.firedRules(),
                evaluation.violations()));
    }

    /** The moment a period counted from {@code from} ends: 24:00 of its last day in China (CC 203). */
    public OffsetDateTime end(Tender tender, LegalPeriod period, Instant from) {
        LocalDate last = calendar(tender).periodEnd(LocalDate.ofInstant(from, LegalClock.CHINA), period.length(),
                period.unit());
        return endOf(last);
    }

    /**
     * Schedules the period of that name in the tender's timeline; returns its end. It runs from {@code from}, the act
     * that starts it, unless its rule counts it from the end of another period of the round (GPR 53), which must be
     * scheduled already.
     */
    public OffsetDateTime schedule(Tender tender, String name, Instant from) {
        LegalPeriod period = period(tender, name);
        if (period.countedFromEndOf() != null) {
            from = timeline.open(tender.id(), tender.round(), period.countedFromEndOf())
                    .orElseThrow(() -> new IllegalStateException("period '" + name + "' of tender " + tender.id()
                            + " is counted from the end of '" + period.countedFromEndOf()
                            + "', which is not scheduled (rule " + period.by().rule() + ")"))
                    .dueAt().minusNanos(1).toInstant();
        }
        OffsetDateTime due = end(tender, period, from);
        timeline.schedule(tender.id(), tender.round(), name, period.label(), due, period.length(), period.unit(),
                period.by().citation(), period.by().rule());
        return due;
    }

    /**
     * Schedules the bidding phase for the tender's current dates: the deadline itself, and the periods the
     * registration rules decide around it (documents on sale, the last day for a clarification or an objection);
     * under government procurement also the announcement and the window for challenging the documents.
     */
    public void scheduleBidding(Tender tender) {
        OffsetDateTime deadline = tender.bidDeadline();
        RegistrationEvaluation evaluation = registrationRules.evaluate(
                tenders.facts(tender, tender.documentIssueDate(), deadline, tender.round() > 1, clock.today()),
                ruleSet(tender), procedureDate(tender));
        Period preparation = evaluation.decisions().periods().stream().filter(p -> p.name().equals("bidPreparation"))
                .findFirst().orElse(null);
        Notice deadlineNotice = ruleSets.notice(LifecycleNotices.BID_DEADLINE);
        timeline.schedule(tender.id(), tender.round(), "bidDeadline", deadlineNotice.both(),
                deadline.atZoneSameInstant(LegalClock.CHINA).toOffsetDateTime(), null, null,
                preparation == null ? deadlineNotice.citation() : preparation.citation(),
                preparation == null ? null : preparation.rule());
        for (Period p : evaluation.decisions().periods()) {
            if (p.name().equals("bidPreparation")) {
                continue;
            }
            LocalDate last = p.earliest() != null ? p.earliest() : p.latest();
            timeline.schedule(tender.id(), tender.round(), p.name(), p.label(), endOf(last), p.length(), p.unit(),
                    p.citation(), p.rule());
        }
        if (facts(tender).law() == Regime.GOVERNMENT_PROCUREMENT) {
            Instant issued = tender.documentIssueDate().atStartOfDay(LegalClock.CHINA).toInstant();
            schedule(tender, "announcement", issued);
            schedule(tender, "challengeWindow", issued);
        }
    }

    /**
     * Schedules the decryption window after the deadline (EB20 30): as long as the tender documents set, or the
     * centre's default. Returns when it closes.
     */
    public OffsetDateTime scheduleDecryption(Tender tender) {
        Integer set = tenders.registration(tender).decryptionWindowMinutes();
        var parameters = ruleSet(tender).policy().parameters().on(tender.bidDeadlineDate());
        int minutes = set != null ? set : parameters.amount(DECRYPTION_WINDOW_MINUTES).intValueExact();
        Notice window = ruleSets.notice(LifecycleNotices.DECRYPTION_WINDOW, "minutes", minutes);
        OffsetDateTime ends = tender.bidDeadline().plusMinutes(minutes).atZoneSameInstant(LegalClock.CHINA)
                .toOffsetDateTime();
        // set by the tender documents, the notice's article; else the centre's default, the parameter's
        timeline.schedule(tender.id(), tender.round(), io.huitong.bidding.BidService.DECRYPTION_WINDOW, window.both(),
                ends, null, null, set != null ? window.citation()
                        : parameters.asMap().get(DECRYPTION_WINDOW_MINUTES).citation(), null);
        return ends;
    }

    /**
     * The date of the act the procedure's rules govern: the announcement, the day the tender documents are issued
     * (today before they are).
     */
    private LocalDate procedureDate(Tender tender) {
        return tender.documentIssueDate() != null ? tender.documentIssueDate() : clock.today();
    }

    /** The centre's decryption window when the tender documents set none (rules/policy/parameters.yaml). */
    private static final String DECRYPTION_WINDOW_MINUTES = "opening.decryption-window.minutes";

    private static OffsetDateTime endOf(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(LegalClock.CHINA).toOffsetDateTime();
    }

    private LegalCalendar calendar(Tender tender) {
        return ruleSet(tender).policy().calendar();
    }

    private RuleSet ruleSet(Tender tender) {
        return ruleSets.version(tender.ruleSetVersion());
    }
}
