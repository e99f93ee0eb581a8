package io.huitong.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A CA of the trust list: its CA certificate and the provinces that recognise it, each for a period.
 *
 * @param certificate the CA certificate, PEM
 * @param sha256 of the certificate's DER encoding, hex
 */
public record TrustedCa(String id, String name, String certificate, String subject, String sha256,
        Instant createdAt, String createdBy, List<Recognition> recognitions) {

    /**
     * A province's recognition of the CA from one day to another, both included (China time); {@code effectiveTo}
     * null: until further notice.
     */
    public record Recognition(String id, String caId, String province, LocalDate effectiveFrom, LocalDate effectiveTo,
            String basis, Instant updatedAt, String updatedBy) {

        public boolean covers(String province, LocalDate day) {
            return this.province.equals(province) && !day.isBefore(effectiveFrom)
                    && (effectiveTo == null || !day.isAfter(effectiveTo));
        }
    }
}
