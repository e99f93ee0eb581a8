package io.huitong.bidding;

import io.huitong.rules.Message;
import io.huitong.rules.RuleOutput;
import io.huitong.tender.Regime;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a collusion rule finds among the bids of a round: a case the law deems collusion (视为串通投标, TBR 40;
 * O87 37), or evidence the committee weighs (E7), with the item of the article under the applicable law, the bids
 * involved and the evidence.
 */
public record CollusionFinding(CollusionFlag.Kind kind, String citation, List<String> bidIds, String evidenceZh,
        String evidenceEn, boolean shared, RuleOutput by) {

    private static final String[] ITEMS = {"一", "二", "三", "四", "五", "六"};

    /** A case of TBR 40 item n (O87 37 under government procurement). */
    public static CollusionFinding deemed(RuleContext rule, Regime law, int item, List<String> bidIds,
            String evidenceZh, String evidenceEn) {
        return new CollusionFinding(CollusionFlag.Kind.DEEMED, article(law, item), bidIds, evidenceZh, evidenceEn,
                true, RuleOutput.of(rule));
    }

    /**
     * A deemed case that stands on its own (a price sequence, a file of another bidder): not merged with others of
     * its rule that share a bid, since it is no shared property.
     */
    public static CollusionFinding alone(RuleContext rule, Regime law, int item, List<String> bidIds,
            String evidenceZh, String evidenceEn) {
        return new CollusionFinding(CollusionFlag.Kind.DEEMED, article(law, item), bidIds, evidenceZh, evidenceEn,
                false, RuleOutput.of(rule));
    }

    /** Evidence for the committee's judgment, under TBR 40 item n (O87 37). */
    public static CollusionFinding judgment(RuleContext rule, Regime law, int item, List<String> bidIds,
            String evidenceZh, String evidenceEn) {
        return new CollusionFinding(CollusionFlag.Kind.JUDGMENT, article(law, item), bidIds, evidenceZh, evidenceEn,
                true, RuleOutput.of(rule));
    }

    /**
     * Evidence for the committee's judgment under another article than TBR 40 / O87 37 (the same representative's
     * name where no ID number settles who the person is, TBR 34; GPR 18).
     */
    public static CollusionFinding forJudgment(RuleContext rule, String citation, List<String> bidIds,
            String evidenceZh, String evidenceEn) {
        return new CollusionFinding(CollusionFlag.Kind.JUDGMENT, citation, bidIds, evidenceZh, evidenceEn, true,
                RuleOutput.of(rule));
    }

    /** {@link #deemed}, the evidence being the rule's message (messages.yaml). */
    public static CollusionFinding deemed(RuleContext rule, Regime law, int item, List<String> bidIds,
            Message evidence) {
        Message.Text text = evidence.render(rule);
        return deemed(rule, law, item, bidIds, text.zh(), text.en());
    }

    /** {@link #alone}, the evidence being the rule's message (messages.yaml). */
    public static CollusionFinding alone(RuleContext rule, Regime law, int item, List<String> bidIds,
            Message evidence) {
        Message.Text text = evidence.render(rule);
        return alone(rule, law, item, bidIds, text.zh(), text.en());
    }

    /** {@link #judgment}, the evidence being the rule's message (messages.yaml). */
    public static CollusionFinding judgment(RuleContext rule, Regime law, int item, List<String> bidIds,
            Message evidence) {
        Message.Text text = evidence.render(rule);
        return judgment(rule, law, item, bidIds, text.zh(), text.en());
    }

    /** {@link #forJudgment}, the evidence being the rule's message (messages.yaml). */
    public static CollusionFinding forJudgment(RuleContext rule, String citation, List<String> bidIds,
            Message evidence) {
        Message.Text text = evidence.render(rule);
        return forJudgment(rule, citation, bidIds, text.zh(), text.en());
    }

    static String article(Regime law, int item) {
        return (law == Regime.GOVERNMENT_PROCUREMENT ? "O87 37(" : "TBR 40(") + ITEMS[item - 1] + ")";
    }

    public String evidence() {
        return evidenceZh + " / " + evidenceEn;
    }
}
