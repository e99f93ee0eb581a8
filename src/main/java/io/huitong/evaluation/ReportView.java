package io.huitong.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;

/** The report as signed: its text and the SHA-256 of the text's UTF-8 bytes. */
public record ReportView(
        String tenderId,
        int round,
        @Schema(description = "得出排序的评标决定记录 / The EVALUATION decision record the ranking comes from")
        String decisionId,
        @Schema(description = "评标报告正文（紧凑 JSON）：签名即对其 UTF-8 字节的分离式 CMS 签名 / The report's text "
                + "(compact JSON): a signature is a detached CMS signature over its UTF-8 bytes") String content,
        @Schema(description = "content 的 UTF-8 字节的 SHA-256（十六进制）/ SHA-256 of content's UTF-8 bytes, hex")
        String sha256) {

    /** The bytes a signature is made over. */
    public byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
