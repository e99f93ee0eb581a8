package io.huitong.qualification;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * What a tender's documents require of a bidder, as the tenderer sets it before bidding opens: each part optional
 * (none set: nothing is checked). The grade is the lowest accepted: a higher grade of the same kind qualifies.
 */
@Schema(description = "投标人资格条件 / What the documents require of a bidder")
public record BidderRequirements(
        @Schema(description = "资质类别 / Qualification kind", example = "建筑工程施工总承包") @Size(max = 100)
        String qualificationKind,
        @Schema(description = "最低资质等级 / Lowest grade accepted", example = "二级") @Size(max = 20)
        String qualificationGrade,
        @Schema(description = "项目经理须为本单位注册建造师，专业 / The project manager: the bidder's registered "
                + "constructor of this speciality", example = "建筑工程") @Size(max = 50) String managerSpeciality,
        @Schema(description = "业绩工程类别 / Kind of works of the performance", example = "房屋建筑工程")
        @Size(max = 100) String performanceKind,
        @Schema(description = "业绩数量 / How many", example = "2") @Min(0) @Max(100) Integer performanceCount,
        @Schema(description = "单项业绩最低合同金额（元）/ Lowest amount of each (yuan)")
        @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) BigDecimal performanceMinAmount,
        @Schema(description = "近几年内完成 / Completed within so many years before the deadline", example = "5")
        @Min(1) @Max(20) Integer performanceYears) {

    /** Whether it asks anything at all. */
    public boolean any() {
        return qualificationKind != null || managerSpeciality != null
                || performanceCount != null && performanceCount > 0;
    }
}
