package io.huitong.rules;

import java.math.BigDecimal;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words a rule author writes in DRL instead of Java: messages by name, amounts as amounts, percentages as
 * percentages. Imported into a DRL file one function a line, {@code import function
 * io.huitong.rules.RuleLanguage.yuan;}; rules/README.md shows them in use.
 */
public final class RuleLanguage {

    private static final ConcurrentHashMap<String, BigDecimal> AMOUNTS = new ConcurrentHashMap<>();

    private RuleLanguage() {
    }

    /**
     * The rule's message (in its folder's messages.yaml, under the rule's name) with the values of its
     * placeholders, names and values alternating: {@code message("bidder", $a.bidderName(), "code", $a.code())}.
     */
    public static Message message(Object... namesAndValues) {
        return Message.of(Message.ONLY, namesAndValues);
    }

    /**
     * One of several messages of a rule, by the name it has under the rule in messages.yaml:
     * {@code messageNamed("the member's own bid", "consortium", $a.bidderName())}.
     */
    public static Message messageNamed(String part, Object... namesAndValues) {
        return Message.of(part, namesAndValues);
    }

    /**
     * An amount in yuan as written in the law, thousands separated by commas: {@code yuan("2,000,000")}. The
     * same figure as the literal {@code 2000000B}, to the same scale ({@code yuan("0.50")} keeps its two places).
     */
    public static BigDecimal yuan(String amount) {
        return AMOUNTS.computeIfAbsent(amount, a -> new BigDecimal(a.replace(",", "").replace("_", "").strip()));
    }

    /** An amount in 万元 (ten thousand yuan), as the law often writes it: {@code wanYuan(200)} is 2,000,000 yuan. */
    public static BigDecimal wanYuan(long tenThousands) {
        return BigDecimal.valueOf(tenThousands).multiply(BigDecimal.valueOf(10_000));
    }

    /**
     * A share written as a percentage: {@code percent(10)} is 0.10, {@code percent(30)} 0.30; a whole,
     * {@code percent(100)}, is 1.
     */
    public static BigDecimal percent(int percent) {
        return percent % 100 == 0 ? BigDecimal.valueOf(percent / 100) : BigDecimal.valueOf(percent, 2);
    }

    /** Nothing: no fee, no bond. */
    public static BigDecimal none() {
        return BigDecimal.ZERO;
    }

    /** The note in (full-width) parentheses, or nothing without one: {@code （note）}. */
    public static String inParentheses(Object note) {
        return note == null ? "" : "（" + note + "）";
    }

    /** The difference of two amounts ({@code larger - smaller}), as the step between two prices. */
    public static BigDecimal difference(BigDecimal larger, BigDecimal smaller) {
        return larger.subtract(smaller);
    }
}
