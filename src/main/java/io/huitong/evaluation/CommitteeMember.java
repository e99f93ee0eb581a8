package io.huitong.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A member of an evaluation committee: a drawn expert or the purchaser's representative. When and how the member
 * signed the report is read-only: it is set by signing, never by recording the committee.
 */
public record CommitteeMember(
        String id,
        @Schema(description = "姓名 / Name") @NotBlank @Size(max = 100) String name,
        @Schema(description = "用户（评分任务的办理人）/ User who scores") @NotBlank @Size(max = 100) String userId,
        @Schema(description = "身份 / Role") @NotNull Role role,
        @Schema(description = "组长 / Chair") boolean chair,
        @Schema(description = "签署评标报告的时间 / When the member signed the report (TBR 53)",
                accessMode = Schema.AccessMode.READ_ONLY) Instant signedAt,
        @Schema(description = "书面不同意见及理由 / A written dissent with its reasons (TBR 53; R12 45)",
                accessMode = Schema.AccessMode.READ_ONLY) String dissent,
        @Schema(description = "离开评标委员会的时间（被更换或委员会重组）/ When the member left (replaced, or the committee re-formed)",
                accessMode = Schema.AccessMode.READ_ONLY) Instant endedAt,
        @Schema(description = "离开的原因 / Why the member left", accessMode = Schema.AccessMode.READ_ONLY)
        String endReason,
        @Schema(description = "以数字证书签署报告时，签名验证的决定记录 / When the member signed the report with a "
                + "certificate, the decision record of the signature's verification (ESL 13, 14)",
                accessMode = Schema.AccessMode.READ_ONLY) String signatureDecisionId) {

    public enum Role {
        /** 评审专家. */
        EXPERT,
        /** 采购人代表 / 招标人代表. */
        PURCHASER_REPRESENTATIVE
    }
}
