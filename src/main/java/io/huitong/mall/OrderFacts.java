package io.huitong.mall;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One order as the mall's rules see it: who buys what under which agreement and budget item, from whom, where, for
 * how much, on which day. The quota's parameter is named by the region's province and the category's quota kind.
 */
public record OrderFacts(String purchaser, String budgetItem, int budgetYear, String category, QuotaKind quotaKind,
        String regionCode, BigDecimal amount, String supplierCode, String agreementId, LocalDate orderDay) {

    /** The province's own quota parameter, if the policy files set one: {@code mall.quota.41.goods-services}. */
    public String provinceQuotaKey() {
        return "mall.quota." + regionCode.substring(0, 2) + "." + quotaKind.key();
    }

    /** The quota parameter that applies where the province sets none. */
    public String quotaKey() {
        return "gp.procurement-limit." + quotaKind.key();
    }
}
