package io.huitong.evaluation;

import io.huitong.rules.RuleOutput;
import io.huitong.tender.TieBreak;
import org.kie.api.runtime.rule.RuleContext;

/**
 * One step of the ranking the rules lay down, applied in {@code order} to the bids still equal after the steps
 * before it. A {@link Effect#RANK} step ranks: bids equal on every ranking step rank equal (并列). A
 * {@link Effect#DECIDE} step puts bids ranked equal in order without changing their rank, and is shown as what
 * decided between them; {@link Criterion#DRAW} is a recorded random draw anyone can re-run.
 */
public record RankingStep(int order, Criterion criterion, Effect effect, TieBreak documentsMethod, RuleOutput by) {

    /** What a step compares. */
    public enum Criterion {
        TOTAL_SCORE("总得分高者在前", "the higher total score first"),
        EVALUATED_PRICE("评审价格低者在前", "the lower evaluated price first"),
        TECHNICAL_SCORE("技术得分高者在前", "the higher technical score first"),
        SUBMISSION_TIME("投标文件递交在先者在前", "the bid submitted earlier first"),
        DRAW("随机抽取（可验证）", "a random draw, verifiable");

        private final String zh;
        private final String en;

        Criterion(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String label() {
            return zh + " / " + en;
        }

        /** What the tender documents' method compares. */
        public static Criterion of(TieBreak method) {
            return switch (method) {
                case LOWER_EVALUATED_PRICE -> EVALUATED_PRICE;
                case HIGHER_TECHNICAL_SCORE -> TECHNICAL_SCORE;
                case EARLIER_SUBMISSION -> SUBMISSION_TIME;
            };
        }
    }

    /** Whether a step ranks or decides between bids ranked equal. */
    public enum Effect {
        RANK, DECIDE
    }

    public static RankingStep rank(RuleContext rule, int order, Criterion criterion) {
        return new RankingStep(order, criterion, Effect.RANK, null, RuleOutput.of(rule));
    }

    /** The tender documents' method decides between bids ranked equal. */
    public static RankingStep documents(RuleContext rule, int order, TieBreak method) {
        return new RankingStep(order, Criterion.of(method), Effect.DECIDE, method, RuleOutput.of(rule));
    }

    public static RankingStep decide(RuleContext rule, int order, Criterion criterion) {
        return new RankingStep(order, criterion, Effect.DECIDE, null, RuleOutput.of(rule));
    }
}
