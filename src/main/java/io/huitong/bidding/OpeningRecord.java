package io.huitong.bidding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The opening record (开标记录, EB20 32), generated when the bids of a round are opened and published as it was
 * then: each bid with its bidder, when it came, the hash of the sealed file, whether and when it was decrypted, the
 * price read out, the bond, and what the opening made of it, with the article.
 */
public record OpeningRecord(String tenderId, String title, int round, OffsetDateTime bidDeadline, Instant openedAt,
        String decisionId, List<Entry> bids, int valid) {

    public record Entry(String bidderName, Instant submittedAt, String sealedFileSha256, Instant decryptedAt,
            BidStatus status, BigDecimal price, String bondForm, BigDecimal bondAmount, String reason,
            String citation) {
    }
}
