package io.huitong.bidding;

import io.huitong.rules.Message;
import io.huitong.rules.RuleOutput;
import io.huitong.tender.Regime;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a collusion rule finds among the bids of a round: a case the law deems collusion (视为串通投标, TBR 40;
 * O87 37), or evidence the committee weighs (E7), with the item of the article under the applicable law (the rule
 * writes it), the bids involved and the evidence (the rule's message).
 */
public record CollusionFinding(CollusionFlag.Kind kind, String citation, List<String> bidIds, String evidenceZh,
        String evidenceEn, boolean shared, RuleOutput by) {

    /**
     * A case the law deems collusion, citing the item of the tender's law: {@code tenderingLaw} (TBR 40 item n) or,
     * under government procurement, {@code procurement} (O87 37), as the rule writes them.
     */
    public static CollusionFinding deemed(RuleContext rule, Regime law, String tenderingLaw, String procurement,
            List<String> bidIds, Message evidence) {
        return deemed(rule, article(law, tenderingLaw, procurement), bidIds, evidence);
    }

    /** A case the law deems collusion, citing the one article the rule names (a rule of one law only). */
    public static CollusionFinding deemed(RuleContext rule, String citation, List<String> bidIds, Message evidence) {
        Message.Text text = evidence.render(rule);
        return new CollusionFinding(CollusionFlag.Kind.DEEMED, citation, bidIds, text.zh(), text.en(), true,
                RuleOutput.of(rule));
    }

    /**
     * A deemed case that stands on its own (a price sequence, a file of another bidder): not merged with others of
     * its rule that share a bid, since it is no shared property.
     */
    public static CollusionFinding alone(RuleContext rule, Regime law, String tenderingLaw, String procurement,
            List<String> bidIds, Message evidence) {
        Message.Text text = evidence.render(rule);
        return new CollusionFinding(CollusionFlag.Kind.DEEMED, article(law, tenderingLaw, procurement), bidIds,
                text.zh(), text.en(), false, RuleOutput.of(rule));
    }

    /** Evidence for the committee's judgment, citing the item of the tender's law, as {@link #deemed}. */
    public static CollusionFinding judgment(RuleContext rule, Regime law, String tenderingLaw, String procurement,
            List<String> bidIds, Message evidence) {
        return forJudgment(rule, article(law, tenderingLaw, procurement), bidIds, evidence);
    }

    /**
     * Evidence for the committee's judgment under the one article the rule names (the same representative's name
     * where no ID number settles who the person is, TBR 34; GPR 18).
     */
    public static CollusionFinding forJudgment(RuleContext rule, String citation, List<String> bidIds,
            Message evidence) {
        Message.Text text = evidence.render(rule);
        return new CollusionFinding(CollusionFlag.Kind.JUDGMENT, citation, bidIds, text.zh(), text.en(), true,
                RuleOutput.of(rule));
    }

    /** The article of the tender's law, of the two the rule writes. */
    private static String article(Regime law, String tenderingLaw, String procurement) {
        return law == Regime.GOVERNMENT_PROCUREMENT ? procurement : tenderingLaw;
    }

    public String evidence() {
        return evidenceZh + " / " + evidenceEn;
    }
}
