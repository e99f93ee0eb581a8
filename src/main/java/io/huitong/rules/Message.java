package io.huitong.rules;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A rule's message as the rule writes it: which message (the rule's own, or one of its named parts) and the values
 * of its placeholders, by name. The words are in the folder's {@code messages.yaml}, under the rule's name; the fact
 * the rule inserts renders them in Chinese and English ({@link #render(RuleContext)}).
 *
 * <pre>message("bidder", $a.bidderName(), "code", $a.machineCode())</pre>
 */
public record Message(String part, Map<String, Object> values) {

    /** The rule's only message (no part name). */
    public static final String ONLY = "";

    /** The message rendered: Chinese and English. */
    public record Text(String zh, String en) {

        /** Both languages in one line, as some records keep them: "中文 / English". */
        public String both() {
            return zh + " / " + en;
        }
    }

    public Message {
        values = Collections.unmodifiableMap(values);
    }

    /** Names and values alternate: {@code of(ONLY, "bidder", name, "code", code)}. */
    public static Message of(String part, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("a message takes names and values in pairs, got "
                    + Arrays.toString(namesAndValues));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return new Message(part, values);
    }

    /** The words of the rule that fired, from the messages of its rule-set version, with the values filled in. */
    public Text render(RuleContext rule) {
        return RuleMessages.of(rule).render(rule.getRule().getPackageName(), rule.getRule().getName(), part, values);
    }
}
