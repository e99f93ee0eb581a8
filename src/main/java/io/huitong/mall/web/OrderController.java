package io.huitong.mall.web;

import io.huitong.mall.MallOrders;
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
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "电子卖场 E-mall")
class OrderController {

    private final MallOrders orders;

    OrderController(MallOrders orders) {
        this.orders = orders;
    }

    record NewLine(@NotBlank @Size(max = 36) String itemId,
            @NotNull @DecimalMin("0.001") @Digits(integer = 12, fraction = 3) BigDecimal quantity,
            @NotNull @DecimalMin("0.01") @Digits(integer = 16, fraction = 2) BigDecimal unitPrice) {
    }

    record NewOrder(@Schema(description = "采购人 / Purchaser") @NotBlank @Size(max = 300) String purchaser,
            @Schema(description = "预算项目 / Budget item") @NotBlank @Size(max = 100) String budgetItem,
            @NotBlank @Size(max = 36) String agreementId,
            @Schema(description = "供应商统一社会信用代码 / Supplier's credit code") @NotNull @CreditCode
            String supplierCode,
            @Schema(description = "地区代码（GB/T 2260）/ Region code", example = "410100")
            @NotNull @Pattern(regexp = "\\d{6}") String regionCode,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull NewLine> lines) {
    }

    @PostMapping("/api/mall/orders")
    @Operation(summary = "电子卖场下单 Place an order through the mall", description = "Purchasers. rules/mall decide: "
            + "under the procurement quota of the region and category, each unit price at or under the item's "
            + "maximum, the supplier admitted and the agreement in force on the day, the supplier not debarred, at or "
            + "under the agreement's secondary-competition amount. 201 with the order (PLACED) and any flags (a "
            + "possible split purchase); 422 naming each rule and its article, with the decision's id.")
    ResponseEntity<MallOrders.PlacedOrder> place(@Valid @RequestBody NewOrder o) {
        MallOrders.PlacedOrder placed = orders.place(new MallOrders.NewOrder(o.purchaser(), o.budgetItem(),
                o.agreementId(), o.supplierCode(), o.regionCode(), o.lines().stream()
                        .map(l -> new MallOrders.NewLine(l.itemId(), l.quantity(), l.unitPrice())).toList()),
                Operator.current());
        return ResponseEntity.created(URI.create("/api/mall/orders/" + placed.id())).body(placed);
    }
}
