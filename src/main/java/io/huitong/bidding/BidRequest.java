package io.huitong.bidding;

import io.huitong.shared.party.CreditCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** A bid as a bidder portal submits it. */
@Schema(description = "投标 / A bid")
public record BidRequest(
        @Schema(description = "统一社会信用代码 / Unified social credit code", example = "91110108551385082Q")
        @NotNull @CreditCode String bidderId,
        @Schema(description = "投标人名称 / Bidder") @NotBlank @Size(max = 300) String bidderName,
        @Schema(description = "投标报价（元）/ Price (yuan)", example = "4800000.00")
        @NotNull @Positive @Digits(integer = 16, fraction = 2) BigDecimal price,
        @Valid Bond bond,
        @Schema(description = "企业规模（中小企业声明函）/ Enterprise size") @NotNull SmeSize smeSize,
        @Schema(description = "联合体成员的统一社会信用代码 / Consortium members")
        @Size(max = 20) List<@NotNull @CreditCode String> consortiumMembers,
        @Schema(description = "法定代表人 / Legal representative") @NotBlank @Size(max = 100) String legalRepresentative,
        @Schema(description = "法定代表人身份证件号码（用于关联投标人核查）/ ID number of the legal representative")
        @Size(max = 32) String legalRepresentativeIdNo,
        @Schema(description = "项目负责人 / Project manager") @Size(max = 100) String projectManager,
        @Schema(description = "联系人 / Contact person") @Size(max = 100) String contactPerson) {

    public List<String> members() {
        return consortiumMembers == null ? List.of() : consortiumMembers;
    }
}
