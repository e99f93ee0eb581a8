package io.huitong.rules.policy;

import java.math.BigDecimal;

/** An internal sign-off: projects of at least {@code minAmount} also need this group's approval. */
public record SignOffLevel(String group, BigDecimal minAmount, String citation, String tag) {
}
