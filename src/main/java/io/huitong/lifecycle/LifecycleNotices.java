package io.huitong.lifecycle;

import io.huitong.rules.NoticeCatalogue;
import io.huitong.rules.NoticeKey;
import org.springframework.stereotype.Component;

/**
 * The notices the lifecycle asks for, by key: their words and articles are in {@code rules/lifecycle/notices.yaml},
 * read with the rule set in force ({@code RuleSetRegistry.notice}); a rule set that lacks one is not activated.
 */
@Component
public final class LifecycleNotices implements NoticeCatalogue {

    public static final NoticeKey BID_DEADLINE = NoticeKey.of("lifecycle", "bid-deadline");
    public static final NoticeKey DECRYPTION_WINDOW = NoticeKey.of("lifecycle", "decryption-window", "minutes");
    public static final NoticeKey OBJECTION_LATE = NoticeKey.of("lifecycle", "objection-late");
    public static final NoticeKey SUSPENDED_BY_OBJECTION = NoticeKey.of("lifecycle", "suspended-by-objection");
    public static final NoticeKey WINNER_NOT_CANDIDATE = NoticeKey.of("lifecycle", "winner-not-candidate");
    public static final NoticeKey GUIDE_AFTER_FAILURE_TENDERING_LAW =
            NoticeKey.of("lifecycle", "guide-after-failure-tendering-law");
    public static final NoticeKey GUIDE_AFTER_FAILURE_PROCUREMENT =
            NoticeKey.of("lifecycle", "guide-after-failure-procurement");
    public static final NoticeKey GUIDE_METHOD_CHANGE_BASIS_TENDERING_LAW =
            NoticeKey.of("lifecycle", "guide-method-change-basis-tendering-law");
    public static final NoticeKey GUIDE_METHOD_CHANGE_BASIS_PROCUREMENT =
            NoticeKey.of("lifecycle", "guide-method-change-basis-procurement");
    public static final NoticeKey GUIDE_WINNER_BY_RANK = NoticeKey.of("lifecycle", "guide-winner-by-rank");
    public static final NoticeKey GUIDE_WINNER_TENDERING_LAW = NoticeKey.of("lifecycle", "guide-winner-tendering-law");

    LifecycleNotices() {
    }
}
