package io.huitong.tender;

import io.huitong.rules.NoticeCatalogue;
import io.huitong.rules.NoticeKey;
import org.springframework.stereotype.Component;

/**
 * The notices registration asks for, by key: their words and articles are in {@code rules/registration/notices.yaml},
 * read with the rule set in force ({@code RuleSetRegistry.notice}); a rule set that lacks one is not activated.
 */
@Component
public final class TenderNotices implements NoticeCatalogue {

    public static final NoticeKey REQUIRED_FOR_MUST_TENDER = NoticeKey.of("registration", "required-for-must-tender");
    public static final NoticeKey REQUIRED_FOR_SERVICE_KIND = NoticeKey.of("registration", "required-for-service-kind");

    TenderNotices() {
    }
}
