package io.huitong.bidding;

import io.huitong.rules.NoticeCatalogue;
import io.huitong.rules.NoticeKey;
import org.springframework.stereotype.Component;

/**
 * The notices bidding asks for, by key: their words and articles are in {@code rules/bidding/notices.yaml},
 * read with the rule set in force ({@code RuleSetRegistry.notice}); a rule set that lacks one is not activated.
 */
@Component
public final class BiddingNotices implements NoticeCatalogue {

    public static final NoticeKey DECRYPTION_BEFORE_DEADLINE = NoticeKey.of("bidding", "decryption-before-deadline");
    public static final NoticeKey DECRYPTION_OUTSIDE_WINDOW = NoticeKey.of("bidding", "decryption-outside-window");
    public static final NoticeKey DECRYPTION_KEY_REFUSED = NoticeKey.of("bidding", "decryption-key-refused");
    public static final NoticeKey DECRYPTION_ALREADY_DONE = NoticeKey.of("bidding", "decryption-already-done");
    public static final NoticeKey DECRYPTION_FAILED = NoticeKey.of("bidding", "decryption-failed");
    public static final NoticeKey BID_FILE_SEALED = NoticeKey.of("bidding", "bid-file-sealed");
    public static final NoticeKey BIDS_SEALED_UNTIL_OPENING = NoticeKey.of("bidding", "bids-sealed-until-opening");
    public static final NoticeKey CONSORTIUM_CONFIRMATION_LATE =
            NoticeKey.of("bidding", "consortium-confirmation-late");
    public static final NoticeKey REFUND_NOT_DUE = NoticeKey.of("bidding", "refund-not-due");

    BiddingNotices() {
    }
}
