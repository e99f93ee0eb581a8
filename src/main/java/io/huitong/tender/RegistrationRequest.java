package io.huitong.tender;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.huitong.shared.party.CreditCode;
import io.huitong.shared.web.DeadlineDeserializer;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A project as the purchaser registers it (项目登记). Money is yuan, exact, at most two decimals (fen).
 * Booleans left out mean {@code false}, except {@code electronicDocuments} and {@code suitableForSme}, which
 * default to {@code true}. Validated by {@code RegistrationService}, which keeps a decision record of every
 * refusal.
 */
@Schema(description = "项目登记 / Registration of a project")
public record RegistrationRequest(
        @Schema(description = "项目名称 / Title", example = "郑州市某道路改造工程施工")
        @NotBlank @Size(max = 300) String title,
        @Schema(description = "适用法律 / Regime") @NotNull Regime regime,
        @Schema(description = "采购类别 / Category") @NotNull Category category,
        @Schema(description = "服务类别（仅服务）/ Kind of service (services only)") ServiceKind serviceKind,
        @Schema(description = "单项合同估算价；政府采购为预算金额 / Contract estimate; the budget under government procurement",
                example = "5000000.00")
        @NotNull @Positive @Digits(integer = 16, fraction = 2) BigDecimal estimatedAmount,
        @Schema(description = "预算资金 / Budget funds", example = "5000000.00")
        @PositiveOrZero @Digits(integer = 16, fraction = 2) BigDecimal budgetFunds,
        @Schema(description = "项目总投资 / Total investment", example = "10000000.00")
        @PositiveOrZero @Digits(integer = 16, fraction = 2) BigDecimal totalInvestment,
        @Schema(description = "国有资金占控股或者主导地位 / State-owned funds in control") Boolean stateControlled,
        @Schema(description = "使用国际组织或者外国政府贷款、援助资金 / International loans or aid") Boolean foreignLoanOrAid,
        @Schema(description = "行政区划代码（6位）/ Region code (6 digits)", example = "410100")
        @NotNull @Pattern(regexp = "\\d{6}") String regionCode,
        @Schema(description = "采购方式 / Procurement method") @NotNull ProcurementMethod procurementMethod,
        @Schema(description = "邀请招标的理由（条例第八条）/ Ground for invitation (TBR 8)") InvitationGround invitationGround,
        @Schema(description = "项目审批核准的招标方式 / Method approved with the project (TBR 7)")
        ProcurementMethod approvedProcurementMethod,
        @Schema(description = "此前采购失败（流标、废标）/ After a failed procurement") Boolean afterFailedTender,
        @Schema(description = "电子招标文件（默认是）/ Electronic documents (default true)") Boolean electronicDocuments,
        @Schema(description = "适宜由中小企业提供（默认是）/ Suitable for SMEs (default true)") Boolean suitableForSme,
        @Schema(description = "招标文件收费 / Document fee", example = "0")
        @PositiveOrZero @Digits(integer = 16, fraction = 2) BigDecimal documentFee,
        @Schema(description = "投标保证金（不要求则不填）/ Bid bond (leave out when none)", example = "80000.00")
        @PositiveOrZero @Digits(integer = 16, fraction = 2) BigDecimal bidBondAmount,
        @Schema(description = "允许的保证金形式 / Bond forms allowed") Set<@NotNull BondForm> bidBondForms,
        @Schema(description = "招标代理机构的统一社会信用代码（如有）/ The agency's unified social credit code, if any")
        @CreditCode String agencyId,
        @Schema(description = "招标文件发出日 / Date the documents are issued", example = "2026-12-01")
        @NotNull LocalDate documentIssueDate,
        @Schema(description = "投标截止时间：带时区的时间，或日期（即当日09:00北京时间）/ Bid deadline: a date-time with offset, or a date (09:00 Asia/Shanghai)",
                type = "string", example = "2026-12-21T09:30:00+08:00")
        @NotNull @JsonDeserialize(using = DeadlineDeserializer.class) OffsetDateTime bidDeadline,
        @Schema(description = "开标时投标文件解密时限（分钟，默认按交易中心设定）/ Minutes bidders have to decrypt their bids at the opening (default: the centre's)",
                example = "60")
        @Min(15) @Max(1440) Integer decryptionWindowMinutes,
        @Schema(description = "招标人（采购人）的统一社会信用代码 / The tenderer's (purchaser's) unified social credit code",
                example = "12410100MB0000077Y")
        @NotBlank @CreditCode String purchaserId,
        @Schema(description = "招标人（采购人）名称 / The tenderer's (purchaser's) name", example = "郑州市市政工程管理处")
        @NotBlank @Size(max = 200) String purchaserName,
        @Schema(description = "招标文件规定的并列处理方式：LOWER_EVALUATED_PRICE 评审价格低者优先，HIGHER_TECHNICAL_SCORE "
                + "技术得分高者优先，EARLIER_SUBMISSION 投标文件递交在先者优先。招标投标法项目必须规定（不得抽签）；政府采购项目"
                + "得分且报价相同者按此确定，未规定的随机抽取 / The tender documents' method for candidates ranked equal: "
                + "LOWER_EVALUATED_PRICE, HIGHER_TECHNICAL_SCORE, EARLIER_SUBMISSION. Required under the Tendering Law "
                + "(never by lot, G1117 (二)); under government procurement it decides bids equal in score and price, "
                + "a recorded random draw where left out (O87 55, 68)", example = "LOWER_EVALUATED_PRICE")
        TieBreak tieBreak) {

    boolean isStateControlled() {
        return Boolean.TRUE.equals(stateControlled);
    }

    boolean isForeignLoanOrAid() {
        return Boolean.TRUE.equals(foreignLoanOrAid);
    }

    boolean isAfterFailedTender() {
        return Boolean.TRUE.equals(afterFailedTender);
    }

    boolean isElectronicDocuments() {
        return !Boolean.FALSE.equals(electronicDocuments);
    }

    boolean isSuitableForSme() {
        return !Boolean.FALSE.equals(suitableForSme);
    }
}
