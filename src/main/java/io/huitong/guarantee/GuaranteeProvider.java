package io.huitong.guarantee;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A guarantee provider as the centre talks to it (docs/rules.md C17): the centre orders a guarantee for a bidder on a
 * project, the provider issues it with its file and the file's MD5 and SHA-256; later the centre surrenders it
 * (退保) or claims on it (索赔). Every message either way is signed.
 */
public interface GuaranteeProvider {

    Issued order(Order order);

    void claim(Claim claim);

    void surrender(Surrender surrender);

    /** The order the centre pushes: project (tender and round), principal (the bidder), amount and end date. */
    record Order(String orderNo, String projectNo, String projectName, String principalId, String principalName,
            String beneficiary, BigDecimal amount, LocalDate endDate) {
    }

    /** What the provider returns: the guarantee, its dates, its file (Base64) and the file's hashes. */
    record Issued(String guaranteeNo, String orderNo, String projectNo, String principalId, BigDecimal amount,
            Instant issuedAt, LocalDate startDate, LocalDate endDate, String file, String md5, String sha256) {
    }

    record Claim(String guaranteeNo, BigDecimal amount, String reason, String citation) {
    }

    record Surrender(String guaranteeNo, String reason) {
    }

    /** The provider refused or could not be reached. */
    class ProviderException extends RuntimeException {
        public ProviderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The provider says the guarantee is no longer open: surrendered or claimed already. */
    class AlreadySettled extends ProviderException {
        public AlreadySettled(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
