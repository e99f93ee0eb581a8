package io.huitong.certification;

import io.huitong.shared.party.CreditCodes;
import io.huitong.shared.party.IdentityNumbers;
import io.huitong.shared.web.ValidationException;

/**
 * Whom a certificate must belong to: a trading entity, named by its unified social credit code (GB 32100), or a
 * person (an evaluation expert), named by the citizen identity number (GB 11643). Exactly one of the two is set.
 */
record Holder(String creditCode, String idNo) {

    /** An entity; 422 naming {@code creditCode} when it is not a valid code. */
    static Holder entity(String creditCode) {
        if (creditCode == null || !CreditCodes.isValid(creditCode)) {
            throw ValidationException.of("creditCode", creditCode, "GB 32100", "统一社会信用代码无效",
                    "Not a valid unified social credit code");
        }
        return new Holder(creditCode, null);
    }

    /** A person; 422 naming {@code idNo} when it is not a valid identity number. */
    static Holder person(String idNo) {
        String number = idNo == null ? null : idNo.strip().toUpperCase(java.util.Locale.ROOT);
        if (!IdentityNumbers.isValid(number)) {
            throw ValidationException.of("idNo", idNo, "GB 11643", "公民身份号码无效",
                    "Not a valid citizen identity number");
        }
        return new Holder(null, number);
    }

    boolean isPerson() {
        return idNo != null;
    }
}
