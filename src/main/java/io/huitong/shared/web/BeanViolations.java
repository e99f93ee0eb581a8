package io.huitong.shared.web;

import jakarta.validation.ConstraintViolation;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Bean-validation failures as violations with bilingual messages, in field order. */
public final class BeanViolations {

    /** Bilingual messages for the constraints the API uses. */
    private static final Map<String, String[]> MESSAGES = Map.ofEntries(
            Map.entry("NotNull", new String[] {"必填", "Required"}),
            Map.entry("NotBlank", new String[] {"必填，不能为空", "Required and not blank"}),
            Map.entry("NotEmpty", new String[] {"必填，不能为空", "Required and not empty"}),
            Map.entry("Positive", new String[] {"必须大于0", "Must be greater than 0"}),
            Map.entry("PositiveOrZero", new String[] {"不能为负数", "Must not be negative"}),
            Map.entry("Digits", new String[] {"金额最多两位小数（分）", "Money has at most two decimals (fen)"}),
            Map.entry("Pattern", new String[] {"格式不正确", "Wrong format"}),
            Map.entry("Size", new String[] {"长度超出限制", "Too long or too short"}),
            Map.entry("DecimalMax", new String[] {"超出上限", "Above the maximum"}),
            Map.entry("DecimalMin", new String[] {"低于下限", "Below the minimum"}),
            Map.entry("CreditCode", new String[] {"统一社会信用代码无效（GB 32100）", "Invalid unified social credit code (GB 32100)"}),
            Map.entry("Max", new String[] {"超出上限", "Above the maximum"}),
            Map.entry("Min", new String[] {"低于下限", "Below the minimum"}));

    private static final int SHOWN = 200;

    private BeanViolations() {
    }

    public static List<Violation> of(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> of(v.getPropertyPath().toString(),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                        v.getInvalidValue(), limit(v)))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
    }

    /** One failed constraint on a field. */
    public static Violation of(String field, String constraint, Object value, Object limit) {
        String[] message = MESSAGES.getOrDefault(constraint, new String[] {"取值无效", "Invalid value"});
        // an over-long value is not echoed whole: its beginning and its length say enough
        Object shown = value instanceof String text && text.length() > SHOWN
                ? text.substring(0, SHOWN) + "…[" + text.length() + " chars]" : value;
        return Violation.of(field, "validation." + constraint, null, limit, shown, message[0], message[1]);
    }

    private static Object limit(ConstraintViolation<?> v) {
        Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
        for (String key : new String[] {"regexp", "value", "max"}) {
            Object limit = attributes.get(key);
            if (limit != null) {
                return limit;
            }
        }
        if (attributes.containsKey("fraction")) {
            return "fraction ≤ " + attributes.get("fraction");
        }
        return null;
    }
}
