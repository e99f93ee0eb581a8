package io.huitong.certification;

import io.huitong.shared.web.ValidationException;
import java.util.Set;

/**
 * Provinces as the trust list names them: the first two digits of the GB/T 2260 administrative division code (41
 * Henan, 11 Beijing, 31 Shanghai, ...). A six-digit region code (a tender's {@code regionCode}, 410100 Zhengzhou) is
 * read as its province.
 */
public final class Provinces {

    /** The provincial-level divisions of GB/T 2260. */
    private static final Set<String> CODES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
            "64", "65", "71", "81", "82");

    private Provinces() {
    }

    /** The province of a two- or six-digit code; 422 naming {@code field} otherwise. */
    public static String of(String code, String field) {
        String c = code == null ? "" : code.strip();
        if ((c.length() == 2 || c.length() == 6) && c.chars().allMatch(Character::isDigit)
                && CODES.contains(c.substring(0, 2))) {
            return c.substring(0, 2);
        }
        throw ValidationException.of(field, code, "GB/T 2260",
                "省份应为行政区划代码的前两位（如 41 河南）或六位行政区划代码",
                "A province is the first two digits of its GB/T 2260 code (41 Henan) or a six-digit region code");
    }
}
