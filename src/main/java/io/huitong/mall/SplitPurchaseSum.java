package io.huitong.mall;

import java.math.BigDecimal;

/**
 * What one purchaser has bought of one category under one budget item in one budget year by methods other than public
 * tendering (the mall's accepted orders), {@code earlier}, and with this order, {@code total} (docs/rules.md N7).
 */
public record SplitPurchaseSum(String purchaser, String category, String budgetItem, int budgetYear,
        BigDecimal earlier, BigDecimal total) {
}
