package io.huitong.tender.registration;

import io.huitong.rules.FiredRule;
import io.huitong.rules.Refusal;
import io.huitong.rules.RuleOutput;
import io.huitong.rules.RuleSet;
import io.huitong.rules.policy.ApprovalRoutePolicy;
import io.huitong.shared.time.LegalCalendar;
import io.huitong.shared.web.Violation;
import io.huitong.tender.BondForm;
import io.huitong.tender.Regime;
import io.huitong.tender.registration.Conclusions.Anchor;
import io.huitong.tender.registration.Conclusions.ApplicableLaw;
import io.huitong.tender.registration.Conclusions.ApprovalStep;
import io.huitong.tender.registration.Conclusions.BidBondCap;
import io.huitong.tender.registration.Conclusions.BidBondFormExcluded;
import io.huitong.tender.registration.Conclusions.DocumentFeeLimit;
import io.huitong.tender.registration.Conclusions.MustTender;
import io.huitong.tender.registration.Conclusions.OpenTenderRequired;
import io.huitong.tender.registration.Conclusions.PeriodRequirement;
import io.huitong.tender.registration.Conclusions.SmeReservation;
import io.huitong.tender.registration.Conclusions.SmeReservationMode;
import io.huitong.tender.registration.RegistrationDecision.BidBond;
import io.huitong.tender.registration.RegistrationDecision.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Decides a registration: runs the registration rules of a rule-set version on the facts and reads the
 * decision off their conclusions. Limits that rules state (fee, bond cap, excluded forms, periods) are applied
 * here, each refusal naming the rule that set the limit and its citation.
 */
@Component
public class RegistrationRules {

    private static final Set<String> METHOD_FIELDS = Set.of("procurementMethod", "invitationGround");

    /** Decides as of the registration date the facts carry (the law in force when the tender is registered). */
    public RegistrationEvaluation evaluate(RegistrationFacts facts, RuleSet ruleSet) {
        return evaluate(facts, ruleSet, facts.registrationDate());
    }

    /**
     * Decides as of the date of the act the decision governs: the registration, or the announcement when the
     * bidding periods are decided again for new dates ({@code asOf} null: today).
     */
    public RegistrationEvaluation evaluate(RegistrationFacts facts, RuleSet ruleSet, LocalDate asOf) {
        RuleSet.Evaluation evaluation = ruleSet.evaluate(asOf, List.of(facts));
        LegalCalendar calendar = ruleSet.policy().calendar();
        List<Violation> violations = new ArrayList<>();
        for (Refusal refusal : evaluation.all(Refusal.class)) {
            violations.add(refusal.violation());
        }

        BigDecimal documentFee = documentFee(facts, evaluation.all(DocumentFeeLimit.class), violations);
        BidBond bidBond = bidBond(facts, evaluation, violations);
        List<String> notes = new ArrayList<>();
        List<Period> periods = periods(facts, evaluation.all(PeriodRequirement.class), calendar, violations, notes);
        SmeReservation sme = evaluation.all(SmeReservation.class).stream().findFirst().orElse(null);

        Regime law = evaluation.all(ApplicableLaw.class).stream().map(ApplicableLaw::law).findFirst()
                .orElse(facts.regime());
        var decision = new RegistrationDecision(
                law,
                evaluation.any(MustTender.class),
                evaluation.any(OpenTenderRequired.class),
                violations.stream().noneMatch(v -> METHOD_FIELDS.contains(v.field())),
                route(evaluation.all(ApprovalStep.class), ruleSet.policy().approvalRoute()),
                documentFee,
                bidBond,
                sme != null && sme.mode() == SmeReservationMode.EXCLUSIVE,
                sme == null ? null : new RegistrationDecision.SmeReservation(sme.mode(), sme.minShare(),
                        sme.smallMicroMinShare(), sme.by().citation()),
                periods,
                evaluation.firedRules().stream().map(FiredRule::citation).filter(Objects::nonNull).distinct().toList(),
                notes);
        return new RegistrationEvaluation(ruleSet.version(), decision, List.copyOf(violations),
                evaluation.firedRules());
    }

    /** Why each group is on the approval route: the rules that put it there, with their citations. */
    public Map<String, List<io.huitong.rules.RuleOutput>> routeReasons(RegistrationFacts facts, RuleSet ruleSet) {
        Map<String, List<io.huitong.rules.RuleOutput>> reasons = new java.util.LinkedHashMap<>();
        ruleSet.evaluate(facts.registrationDate(), List.of(facts)).all(ApprovalStep.class)
                .forEach(step -> reasons.computeIfAbsent(step.group(), g -> new ArrayList<>()).add(step.by()));
        return reasons;
    }

    /** The steps in the order the policy gives; each group once. */
    private static List<String> route(List<ApprovalStep> steps, ApprovalRoutePolicy policy) {
        return steps.stream()
                .map(ApprovalStep::group)
                .distinct()
                .sorted(Comparator.comparingInt(policy::position))
                .toList();
    }

    private static BigDecimal documentFee(RegistrationFacts facts, List<DocumentFeeLimit> limits,
            List<Violation> violations) {
        BigDecimal fee = facts.documentFee();
        for (DocumentFeeLimit limit : limits) {
            if (fee != null && fee.compareTo(limit.max()) > 0) {
                violations.add(violation("documentFee", limit.by(), limit.max(), fee,
                        "招标文件收费 " + fee.toPlainString() + " 元超过上限 " + limit.max().toPlainString() + " 元",
                        "The document fee " + fee.toPlainString() + " exceeds the limit "
                                + limit.max().toPlainString()));
            }
        }
        return limits.stream().map(DocumentFeeLimit::max).min(Comparator.naturalOrder()).orElse(null);
    }

    private static BidBond bidBond(RegistrationFacts facts, RuleSet.Evaluation evaluation,
            List<Violation> violations) {
        if (!facts.isBondRequested()) {
            return new BidBond(false, null, List.of());
        }
        BigDecimal amount = facts.bidBondAmount();
        List<BidBondCap> caps = evaluation.all(BidBondCap.class);
        for (BidBondCap cap : caps) {
            if (amount.compareTo(cap.max()) > 0) {
                violations.add(violation("bidBondAmount", cap.by(), cap.max(), amount,
                        "投标保证金 " + amount.toPlainString() + " 元超过上限 " + cap.max().toPlainString() + " 元",
                        "The bid bond " + amount.toPlainString() + " exceeds the cap " + cap.max().toPlainString()));
            }
        }
        Set<BondForm> allowed = facts.bidBondForms().isEmpty() ? EnumSet.allOf(BondForm.class)
                : EnumSet.copyOf(facts.bidBondForms());
        for (BidBondFormExcluded excluded : evaluation.all(BidBondFormExcluded.class)) {
            allowed.remove(excluded.form());
            if (facts.bidBondForms().contains(excluded.form())) {
                violations.add(violation("bidBondForms", excluded.by(), "not " + excluded.form(), excluded.form(),
                        "不得接受以" + excluded.form().zh() + "形式缴纳的投标保证金",
                        "A bid bond may not be given as " + excluded.form()));
            }
        }
        BigDecimal max = caps.stream().map(BidBondCap::max).min(Comparator.naturalOrder()).orElse(null);
        return new BidBond(true, max, List.copyOf(new TreeSet<>(allowed)));
    }

    private static List<Period> periods(RegistrationFacts facts, List<PeriodRequirement> requirements,
            LegalCalendar calendar, List<Violation> violations, List<String> notes) {
        List<Period> periods = new ArrayList<>();
        Set<Integer> unpublished = new TreeSet<>();
        for (PeriodRequirement p : requirements) {
            String label = p.labelZh() + " / " + p.labelEn();
            String citation = p.by().citation();
            if (p.anchor() == Anchor.AFTER_DOCUMENT_ISSUE) {
                LocalDate earliest = calendar.periodEnd(facts.documentIssueDate(), p.length(), p.unit());
                yearsBetween(facts.documentIssueDate(), earliest, calendar, unpublished);
                periods.add(new Period(p.name(), label, earliest, null, p.length(), p.unit(), citation,
                        p.by().rule(), p.enforced()));
                if (p.enforced() && facts.bidDeadlineDate().isBefore(earliest)) {
                    violations.add(violation("bidDeadline", p.by(), earliest, facts.bidDeadlineDate(),
                            p.labelZh() + "不得少于" + p.length() + p.unit().zh() + "：投标截止日不得早于 " + earliest,
                            p.labelEn() + " must be at least " + p.length() + " " + p.unit().en()
                                    + ": the deadline may not be before " + earliest));
                }
            } else {
                LocalDate latest = calendar.latestBefore(facts.bidDeadlineDate(), p.length(), p.unit());
                yearsBetween(latest, facts.bidDeadlineDate(), calendar, unpublished);
                periods.add(new Period(p.name(), label, null, latest, p.length(), p.unit(), citation,
                        p.by().rule(), p.enforced()));
                if (latest.isBefore(facts.documentIssueDate())) {
                    notes.add(p.labelZh() + "（" + latest + "）早于招标文件发出日：此类事项一经发生即须顺延投标截止时间 / "
                            + p.labelEn() + " (" + latest + ") is before the documents are issued: any such event "
                            + "moves the bid deadline");
                }
            }
        }
        periods.sort(Comparator.comparing(Period::name));
        for (int year : unpublished) {
            if (calendar.isProvisional(year)) {
                notes.add(year + "年调休安排尚未公布，期限按法定节假日和周末计算 / The " + year
                        + " arrangement of days off is not published yet: periods count the statutory holidays "
                        + "and weekends only");
            } else {
                notes.add(year + "年节假日安排尚未收入日历，期限仅按周末计算 / The " + year
                        + " holiday arrangement is not in the calendar yet: periods count weekends only");
            }
        }
        return periods;
    }

    private static void yearsBetween(LocalDate from, LocalDate to, LegalCalendar calendar, Set<Integer> unpublished) {
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (!calendar.isPublished(year)) {
                unpublished.add(year);
            }
        }
    }

    private static Violation violation(String field, RuleOutput by, Object limit, Object value, String zh,
            String en) {
        return Violation.of(field, by.rule(), by.citation(), limit, value, zh, en);
    }
}
