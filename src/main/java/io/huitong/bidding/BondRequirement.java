package io.huitong.bidding;

import io.huitong.tender.BondForm;
import java.math.BigDecimal;
import java.util.Set;

/**
 * What the tender's registration decided about the bid bond: whether one is required, the amount the tender
 * documents ask, and the forms bidders may choose.
 */
public record BondRequirement(boolean required, BigDecimal amount, Set<BondForm> allowedForms) {
}
