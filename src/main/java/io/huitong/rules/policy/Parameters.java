package io.huitong.rules.policy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** The parameters of a rule-set version, as one fact rules match: {@code Parameters($min : amount("key"))}. */
public final class Parameters {

    private final Map<String, Parameter> byKey;

    public Parameters(Map<String, Parameter> byKey) {
        this.byKey = new TreeMap<>(byKey);
    }

    /** The value of a parameter; a rule set whose rules name a missing key is refused when loaded. */
    public BigDecimal amount(String key) {
        Parameter parameter = byKey.get(key);
        if (parameter == null) {
            throw new IllegalArgumentException("no parameter '" + key + "' in the rule set's policy files");
        }
        return parameter.value();
    }

    public boolean has(String key) {
        return byKey.containsKey(key);
    }

    public Map<String, Parameter> asMap() {
        return byKey;
    }
}
