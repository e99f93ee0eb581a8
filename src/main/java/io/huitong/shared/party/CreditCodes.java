package io.huitong.shared.party;

/** The check character of a unified social credit code (GB 32100-2015). */
public final class CreditCodes {

    /** The characters of GB 32100 (no I, O, S, V, Z) and the weights of the first 17 positions. */
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {
    }

    /** 18 characters of the set, six digits of region code at positions 3–8, and the right check character. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != 18 || !code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return code.charAt(17) == check(code);
    }

    /** Completes 17 characters with their check character (for test data and demos). */
    public static String withCheck(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 characters expected: " + first17);
        }
        return first17 + check(first17);
    }

    private static char check(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }
}
