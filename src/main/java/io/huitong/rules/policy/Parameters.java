package io.huitong.rules.policy;

import io.huitong.shared.time.LegalClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of a rule-set version, as one fact rules match: {@code Parameters($min : amount("key"))}. A rule
 * set's evaluation inserts the parameters as of the date of the act it decides ({@link #on(LocalDate)}), so that a
 * dated value ({@link Parameter#values()}) applies from its date; read without a date, a dated parameter answers
 * the value in force today in China.
 */
public final class Parameters {

    private static final LegalClock CLOCK = new LegalClock();

    private final Map<String, Parameter> byKey;
    private final boolean dated;
    private final LocalDate asOf;

    public Parameters(Map<String, Parameter> byKey) {
        this(new TreeMap<>(byKey), null);
    }

    private Parameters(Map<String, Parameter> byKey, LocalDate asOf) {
        this.byKey = byKey;
        this.dated = byKey.values().stream().anyMatch(Parameter::isDated);
        this.asOf = asOf;
    }

    /** The same parameters as of the date of an act; the same object when no parameter has dated values. */
    public Parameters on(LocalDate date) {
        return !dated || date == null || date.equals(asOf) ? this : new Parameters(byKey, date);
    }

    /** The date these parameters answer for; null: today, whenever asked. */
    public LocalDate asOf() {
        return asOf;
    }

    /** The value of a parameter; a rule set whose rules name a missing key is refused when loaded. */
    public BigDecimal amount(String key) {
        Parameter parameter = byKey.get(key);
        if (parameter == null) {
            throw new IllegalArgumentException("no parameter '" + key + "' in the rule set's policy files");
        }
        if (!parameter.isDated()) {
            return parameter.value();
        }
        LocalDate date = asOf != null ? asOf : CLOCK.today();
        BigDecimal value = parameter.valueOn(date);
        if (value == null) {
            throw new IllegalStateException("parameter '" + key + "' has no value in force on " + date);
        }
        return value;
    }

    public boolean has(String key) {
        return byKey.containsKey(key);
    }

    public Map<String, Parameter> asMap() {
        return byKey;
    }
}
