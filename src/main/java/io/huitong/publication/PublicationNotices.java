package io.huitong.publication;

import io.huitong.rules.NoticeCatalogue;
import io.huitong.rules.NoticeKey;
import org.springframework.stereotype.Component;

/**
 * The notices publication asks for, by key: their words and articles are in {@code rules/publication/notices.yaml},
 * read with the rule set in force ({@code RuleSetRegistry.notice}); a rule set that lacks one is not activated.
 */
@Component
public final class PublicationNotices implements NoticeCatalogue {

    public static final NoticeKey RESULT_CHALLENGE = NoticeKey.of("publication", "result-challenge");
    public static final NoticeKey RESULT_COMPLAINT_PROCUREMENT =
            NoticeKey.of("publication", "result-complaint-procurement");
    public static final NoticeKey RESULT_OBJECTION = NoticeKey.of("publication", "result-objection");
    public static final NoticeKey RESULT_COMPLAINT_TENDERING_LAW =
            NoticeKey.of("publication", "result-complaint-tendering-law");

    PublicationNotices() {
    }
}
