package io.huitong.credit;

import java.time.Instant;

/**
 * A relation between two parties that matters for bidding on the same lot: control or management (控股、管理关系,
 * TBR 34; GPR 18 "direct" control), or a shared legal representative or responsible person.
 */
public record PartyRelation(String id, String partyId, String relatedPartyId, Kind kind, String note,
        String recordedBy, Instant recordedAt) {

    public enum Kind {
        /** partyId controls relatedPartyId. */
        CONTROL,
        /** partyId manages relatedPartyId. */
        MANAGEMENT
    }
}
