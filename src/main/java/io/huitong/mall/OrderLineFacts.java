package io.huitong.mall;

import java.math.BigDecimal;

/** One line of an order (its position {@code index}) with the maximum unit price of the agreement's item. */
public record OrderLineFacts(int index, String itemId, String specification, BigDecimal quantity,
        BigDecimal unitPrice, BigDecimal maxUnitPrice) {

    /** The field a refusal of its price names. */
    public String field() {
        return "lines[" + index + "].unitPrice";
    }
}
