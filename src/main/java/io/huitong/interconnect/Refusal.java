package io.huitong.interconnect;

import java.time.Instant;

/** Why an incoming message was refused before it was read, with what could be read of it. */
public final class Refusal extends RuntimeException {

    /** The reasons, each with its words for the peer's operators. */
    public enum Reason {
        MALFORMED("不是有效的签名消息", "Not a signed message (compact JWS)"),
        UNSIGNED("消息未签名或算法不被接受", "The message is unsigned or its algorithm is not accepted"),
        UNKNOWN_PEER("发送方不是已登记的协作平台", "The sender is not a registered peer platform"),
        UNKNOWN_KEY("发送方的该密钥未登记或已停用", "The sender's key is not registered or is retired"),
        BAD_SIGNATURE("签名无效：消息被篡改或密钥不符", "The signature does not verify: tampered or wrong key"),
        MISADDRESSED("消息不是发给本平台的", "The message is addressed to another platform"),
        STALE("消息签发时间超出允许范围（重放或时钟偏差）", "Issued outside the freshness window (a replay, or clock skew)"),
        UNSUPPORTED_VERSION("不支持该消息版本", "This version of the message set is not supported"),
        UNKNOWN_TYPE("不认识该消息类型", "Unknown message type");

        private final String zh;
        private final String en;

        Reason(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String words() {
            return zh + " / " + en;
        }
    }

    private final Reason reason;
    private final String claimedPeer;
    private final String messageId;
    private final Instant issuedAt;
    private boolean written;

    Refusal(Reason reason, String detail, String claimedPeer, String messageId, Instant issuedAt) {
        super(detail == null ? reason.words() : reason.words() + ": " + detail);
        this.reason = reason;
        this.claimedPeer = claimedPeer;
        this.messageId = messageId;
        this.issuedAt = issuedAt;
    }

    /** Whether the refusal was written down (not past the flood cap): its audit entry follows it. */
    public boolean written() {
        return written;
    }

    void written(boolean written) {
        this.written = written;
    }

    public Reason reason() {
        return reason;
    }

    public String claimedPeer() {
        return claimedPeer;
    }

    public String messageId() {
        return messageId;
    }

    public Instant issuedAt() {
        return issuedAt;
    }
}
