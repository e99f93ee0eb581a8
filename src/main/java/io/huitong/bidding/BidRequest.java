package io.huitong.bidding;

import io.huitong.shared.party.CreditCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A bid as a bidder portal submits it: who bids and the bond in the clear, for the checks at submission; the bid
 * file itself ({@link BidFile}: price, people, documents) sealed by the bidder, readable by nobody until the bidder
 * decrypts it after the deadline (EB20 26, 27).
 */
@Schema(description = "投标 / A bid")
public record BidRequest(
        @Schema(description = "统一社会信用代码 / Unified social credit code", example = "91110108551385082Q")
        @NotNull @CreditCode String bidderId,
        @Schema(description = "投标人名称 / Bidder") @NotBlank @Size(max = 300) String bidderName,
        @Valid Bond bond,
        @Schema(description = "企业规模（中小企业声明函）/ Enterprise size") @NotNull SmeSize smeSize,
        @Schema(description = "联合体成员的统一社会信用代码 / Consortium members")
        @Size(max = 20) List<@NotNull @CreditCode String> consortiumMembers,
        @Schema(description = "法定代表人 / Legal representative") @NotBlank @Size(max = 100) String legalRepresentative,
        @Schema(description = "法定代表人身份证件号码（用于关联投标人核查）/ ID number of the legal representative")
        @Size(max = 32) String legalRepresentativeIdNo,
        @Schema(description = "加密的投标文件：JWE紧凑序列化，alg为PBES2-HS512+A256KW（或HS256/HS384），enc为A256GCM，"
                + "明文为投标文件JSON / The sealed bid file: a JWE (compact), alg PBES2-HS512+A256KW (or HS256, HS384), "
                + "enc A256GCM, whose plaintext is the bid file's JSON")
        @NotBlank @Size(max = 1_000_000) String sealedFile,
        @Schema(description = "可选：对 sealedFile（UTF-8 字节）的分离式 CMS（PKCS#7）签名，Base64，内含签名者证书；"
                + "提交时验证（证书互认、吊销、主体）/ Optional: a detached CMS (PKCS#7) signature over the sealedFile's "
                + "UTF-8 bytes, Base64, the signer's certificate inside; verified when submitted (docs/certification.md)")
        @Size(max = 100_000) String signature) {

    public List<String> members() {
        return consortiumMembers == null ? List.of() : consortiumMembers;
    }
}
