package io.huitong.remote;

import io.huitong.rules.Message;
import io.huitong.rules.RuleOutput;
import io.huitong.tender.Regime;
import java.time.LocalDate;
import org.kie.api.runtime.rule.RuleContext;

/** What the avoidance rules of {@code rules/remote/avoidance.drl} see and conclude. */
public final class DrawFacts {

    private DrawFacts() {
    }

    /**
     * The project: the law that governs, the day of evaluation, the purchaser (招标人/采购人), its agency, the
     * department that supervises it (TBR 46).
     */
    public record Context(Regime law, Regime regime, LocalDate evaluationDay, String purchaserId, String agencyId,
            String supervisoryDepartment) {

        /** The first day of the three-year look-back of GPR 9. */
        public LocalDate getLookBackStart() {
            return evaluationDay.minusYears(3);
        }
    }

    /** A party bidding in the round: a bidder or a member of its consortium. */
    public record Bidder(String partyId) {
    }

    /** A party in a control relation with a bidder (the credit registry's 控制关系). */
    public record RelatedToBidder(String partyId, String bidderId) {
    }

    /** An expert of the pool in the requested speciality, as the rules see it. */
    public record Candidate(String expertId, String name, String centreCode, String employerId, String department,
            int yearsInField, boolean seniorTitle) {
    }

    public record Employment(String expertId, String partyId, Expert.Employment.Role role, LocalDate startDate,
            LocalDate endDate) {

        /** Still in post on the day, or left on or after it. */
        public boolean heldOn(LocalDate day) {
            return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
        }

        /** Held at any time from that day on. */
        public boolean heldSince(LocalDate day) {
            return endDate == null || !endDate.isBefore(day);
        }
    }

    public record Relation(String expertId, String partyId, Expert.Relation.Kind kind) {
    }

    public record Penalty(String expertId, Expert.Penalty.Kind kind, LocalDate decidedOn) {
    }

    public record Absence(String expertId, LocalDate from, LocalDate to) {

        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /** An expert the rules exclude from the draw, with the reason; the rule and its article come with it. */
    public record Exclusion(String expertId, String reasonZh, String reasonEn, RuleOutput by) {

        public static Exclusion of(RuleContext rule, String expertId, String reasonZh, String reasonEn) {
            return new Exclusion(expertId, reasonZh, reasonEn, RuleOutput.of(rule));
        }

        /** The reason being the rule's message (messages.yaml). */
        public static Exclusion of(RuleContext rule, String expertId, Message reason) {
            Message.Text text = reason.render(rule);
            return of(rule, expertId, text.zh(), text.en());
        }
    }
}
