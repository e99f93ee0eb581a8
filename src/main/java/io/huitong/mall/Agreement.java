package io.huitong.mall;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A framework agreement (框架协议, O110) with its items and its admitted suppliers. */
@Schema(description = "框架协议 / Framework agreement")
public record Agreement(String id, String number, String name, AgreementKind kind, String regionCode,
        String category, QuotaKind quotaKind, LocalDate validFrom, LocalDate validTo, SecondStage secondStage,
        BigDecimal secondaryCompetitionAbove, List<Item> items, List<AdmittedSupplier> suppliers) {

    /** An item of the agreement with its maximum unit price (最高限制单价). */
    public record Item(String id, String category, String specification, BigDecimal maxUnitPrice) {
    }

    public AgreementFacts facts() {
        return new AgreementFacts(id, number, kind, validFrom, validTo, secondStage, secondaryCompetitionAbove);
    }
}
