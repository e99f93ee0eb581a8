package io.huitong.shared.party;

/**
 * The check character of a citizen identity number (公民身份号码, GB 11643-1999): 17 digits (region, birth date,
 * sequence) and a check character, a digit or X, computed with ISO 7064 MOD 11-2.
 */
public final class IdentityNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECKS = "10X98765432";

    private IdentityNumbers() {
    }

    /** 18 characters, the first 17 digits, and the right check character (an upper-case X for ten). */
    public static boolean isValid(String number) {
        if (number == null || number.length() != 18 || !number.substring(0, 17).chars().allMatch(
                c -> c >= '0' && c <= '9')) {
            return false;
        }
        return number.charAt(17) == check(number);
    }

    /** Completes 17 digits with their check character (for test data and demos). */
    public static String withCheck(String first17) {
        if (first17.length() != 17 || !first17.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("17 digits expected: " + first17);
        }
        return first17 + check(first17);
    }

    private static char check(String number) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECKS.charAt(sum % 11);
    }
}
