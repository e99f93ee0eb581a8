package io.huitong.bidding;

import io.huitong.tender.BondForm;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A bid bond as given with a bid: its form, amount, the paying account, the guarantee number. */
@Schema(description = "投标保证金 / Bid bond")
public record Bond(
        @Schema(description = "形式 / Form") @NotNull BondForm form,
        @Schema(description = "金额 / Amount", example = "100000.00") @NotNull @Positive
        @Digits(integer = 16, fraction = 2) BigDecimal amount,
        @Schema(description = "缴纳账户（现金、支票须为基本账户）/ Paying account (the basic account for cash or cheque)")
        @Size(max = 64) String payerAccount,
        @Schema(description = "保函编号 / Guarantee number") @Size(max = 64) String guaranteeNo) {
}
