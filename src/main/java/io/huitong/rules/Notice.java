package io.huitong.rules;

import io.huitong.shared.web.Violation;

/**
 * One of the platform's notices as the rule set in force words it ({@code rules/<folder>/notices.yaml}): the article
 * it rests on and the text in Chinese and English, placeholders filled in.
 */
public record Notice(String key, String citation, String zh, String en) {

    /** Both languages in one line: "中文 / English". */
    public String both() {
        return zh + " / " + en;
    }

    /** Both languages and the article, as a refusal's detail reads: "中文 / English (EB20 27)". */
    public String cited() {
        return both() + " (" + citation + ")";
    }

    /** The notice as one reason of a refusal: the field, the check's id, the limit and the value given. */
    public Violation violation(String field, String rule, Object limit, Object value) {
        return Violation.of(field, rule, citation, limit, value, zh, en);
    }
}
