package io.huitong.mall.web;

import io.huitong.mall.Agreement;
import io.huitong.mall.AgreementKind;
import io.huitong.mall.Agreements;
import io.huitong.mall.QuotaKind;
import io.huitong.mall.SecondStage;
import io.huitong.shared.party.CreditCode;
import io.huitong.shared.security.Operator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/mall/agreements")
@Tag(name = "电子卖场 E-mall", description = "框架协议、入围供应商与订单 / Framework agreements, suppliers, orders")
class AgreementController {

    private final Agreements agreements;

    AgreementController(Agreements agreements) {
        this.agreements = agreements;
    }

    record NewItem(@NotBlank @Size(max = 100) String category, @NotBlank @Size(max = 1000) String specification,
            @Schema(description = "最高限制单价（元）/ Maximum unit price (yuan)") @NotNull @DecimalMin("0.01")
            @Digits(integer = 16, fraction = 2) BigDecimal maxUnitPrice) {
    }

    record NewAgreement(@NotBlank @Size(max = 100) String number, @NotBlank @Size(max = 300) String name,
            @NotNull AgreementKind kind,
            @Schema(description = "采购人所在地区代码（GB/T 2260）/ Region code of the purchaser side", example = "410100")
            @NotNull @Pattern(regexp = "\\d{6}") String regionCode,
            @NotBlank @Size(max = 100) String category,
            @Schema(description = "适用的采购限额标准 / Which procurement quota applies") QuotaKind quotaKind,
            @NotNull LocalDate validFrom, @NotNull LocalDate validTo, @NotNull SecondStage secondStage,
            @Schema(description = "单笔超过该金额须二次竞价（元）/ Above this amount an order goes to secondary "
                    + "competition (yuan)") @DecimalMin("0.01") @Digits(integer = 16, fraction = 2)
            BigDecimal secondaryCompetitionAbove,
            @NotEmpty @Size(max = 1000) List<@Valid @NotNull NewItem> items) {
    }

    @PostMapping
    @Operation(summary = "创建框架协议 Create a framework agreement", description = "Centre clerks (centre-clerk). "
            + "CLOSED: suppliers are admitted in the first stage, up to the day the term starts; OPEN: any supplier "
            + "meeting the published conditions joins during the term (rules/mall, O110).")
    ResponseEntity<Agreement> create(@Valid @RequestBody NewAgreement a) {
        Agreement created = agreements.create(new Agreements.NewAgreement(a.number(), a.name(), a.kind(),
                a.regionCode(), a.category(), a.quotaKind() == null ? QuotaKind.GOODS_SERVICES : a.quotaKind(),
                a.validFrom(), a.validTo(), a.secondStage(), a.secondaryCompetitionAbove(),
                a.items().stream().map(i -> new Agreements.NewItem(i.category(), i.specification(),
                        i.maxUnitPrice())).toList()), Operator.current());
        return ResponseEntity.created(URI.create("/api/mall/agreements/" + created.id())).body(created);
    }

    record Admission(@NotNull @CreditCode String creditCode, @NotBlank @Size(max = 300) String name,
            @NotNull LocalDate admittedOn) {
    }

    @PostMapping("/{id}/suppliers")
    @Operation(summary = "供应商入围 Admit a supplier", description = "Centre clerks. 422 naming admittedOn and the "
            + "rule when the agreement admits nobody on that day (a closed agreement after its first stage, any "
            + "agreement after its term); 409 when already admitted.")
    Agreement admit(@PathVariable String id, @Valid @RequestBody Admission a) {
        return agreements.admit(id, a.creditCode(), a.name(), a.admittedOn(), Operator.current());
    }

    @GetMapping
    @Operation(summary = "框架协议 Framework agreements", description = "Any user.")
    List<Agreement> all() {
        return agreements.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "框架协议 A framework agreement", description = "Any user; 404 when there is none.")
    Agreement get(@PathVariable String id) {
        return agreements.get(id);
    }
}
