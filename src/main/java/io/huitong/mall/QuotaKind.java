package io.huitong.mall;

/**
 * Which procurement quota (采购限额标准) an agreement's category falls under: the quota is a parameter of
 * {@code rules/policy/parameters.yaml} named {@code gp.procurement-limit.<key>}, a province's own
 * {@code mall.quota.<province>.<key>} (docs/rules.md N10).
 */
public enum QuotaKind {
    GOODS_SERVICES("goods-services"), WORKS("works");

    private final String key;

    QuotaKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
