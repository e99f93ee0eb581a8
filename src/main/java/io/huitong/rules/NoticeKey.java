package io.huitong.rules;

import java.util.List;

/**
 * How Java names one of the platform's own notices (a refusal, a guide, a step's text that no rule writes): the
 * folder of {@code rules/} whose {@code notices.yaml} holds it, its key there, and the placeholders Java fills in.
 * The words and the article are the file's; Java keeps only this name.
 *
 * <pre>static final NoticeKey BEFORE_DEADLINE = NoticeKey.of("bidding", "decryption-before-deadline");</pre>
 */
public record NoticeKey(String folder, String name, List<String> passes) {

    public NoticeKey {
        passes = List.copyOf(passes);
    }

    /** A notice of {@code rules/<folder>/notices.yaml}, with the names of the values Java passes to it. */
    public static NoticeKey of(String folder, String name, String... passes) {
        return new NoticeKey(folder, name, List.of(passes));
    }

    /** The file that holds it: {@code bidding/notices.yaml}. */
    public String file() {
        return folder + "/" + RuleNotices.FILE_NAME;
    }

    @Override
    public String toString() {
        return file() + ": " + name;
    }
}
