package io.huitong.remote;

import io.huitong.rules.NoticeCatalogue;
import io.huitong.rules.NoticeKey;
import org.springframework.stereotype.Component;

/**
 * The notices remote evaluation asks for, by key: their words and articles are in {@code rules/remote/notices.yaml},
 * read with the rule set in force ({@code RuleSetRegistry.notice}); a rule set that lacks one is not activated.
 */
@Component
public final class RemoteNotices implements NoticeCatalogue {

    public static final NoticeKey PLAN_SUPERVISORY_DEPARTMENT = NoticeKey.of("remote", "plan-supervisory-department");
    public static final NoticeKey PLAN_TENDERER = NoticeKey.of("remote", "plan-tenderer");
    public static final NoticeKey PLAN_PURCHASER = NoticeKey.of("remote", "plan-purchaser");

    RemoteNotices() {
    }
}
