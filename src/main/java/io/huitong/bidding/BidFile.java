package io.huitong.bidding;

import io.huitong.shared.party.CreditCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * What a bid file holds once decrypted: the bidder it names, the price, the people, the documents, and the
 * properties of the machine and software that made it, which the bidding tool writes into every file and which
 * the collusion checks compare (TBR 40; O87 37; docs/rules.md E7).
 */
@Schema(description = "投标文件（加密前的明文）/ The bid file, as sealed")
public record BidFile(
        @Schema(description = "投标人统一社会信用代码 / The bidder the file is from") @NotNull @CreditCode String bidderId,
        @Schema(description = "投标报价（元）/ Price (yuan)", example = "4800000.00")
        @NotNull @Positive @Digits(integer = 16, fraction = 2) BigDecimal price,
        @Schema(description = "项目负责人 / Project manager") @Size(max = 100) String projectManager,
        @Schema(description = "项目负责人注册证书编号（注册建造师）/ The project manager's registration certificate number")
        @Size(max = 64) String projectManagerCertificateNo,
        @Schema(description = "联系人 / Contact person") @Size(max = 100) String contactPerson,
        @Schema(description = "办理投标事宜的单位或个人（委托代理人，姓名或证件号）/ Who handled the bid for the bidder")
        @Size(max = 200) String agent,
        @Schema(description = "技术文件 / Technical proposal") @Size(max = 500_000) String technicalProposal,
        @Schema(description = "文件制作属性 / Properties of the file") @Valid FileProperties properties) {

    /** The properties the bidding tool records in the file (文件制作机器码、网卡MAC、CPU和硬盘序列号、文件创建标识码). */
    @Schema(description = "文件制作属性 / Properties of the file")
    public record FileProperties(
            @Schema(description = "文件制作机器码 / Machine code") @Size(max = 128) String machineCode,
            @Schema(description = "网卡MAC地址 / MAC address") @Size(max = 64) String macAddress,
            @Schema(description = "CPU序列号 / CPU serial") @Size(max = 128) String cpuSerial,
            @Schema(description = "硬盘序列号 / Disk serial") @Size(max = 128) String diskSerial,
            @Schema(description = "文件创建标识码 / File creator id") @Size(max = 128) String creatorId) {
    }
}
