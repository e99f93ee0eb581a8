package io.huitong.bidding;

import io.huitong.shared.security.Operator;
import java.util.List;

/** Finance confirmed that these bonds of the tender were refunded. */
public record BondsRefunded(String tenderId, List<String> bidIds, Operator operator) {
}
