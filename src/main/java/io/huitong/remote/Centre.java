package io.huitong.remote;

import java.time.Instant;
import java.util.List;

/**
 * A trading centre (交易中心): a main venue for its own region's tenders, a partner (副场) for others'. Its staff
 * and machine clients are the members of its Camunda group.
 */
public record Centre(String code, String name, String regionCode, String groupId, Instant createdAt,
        List<Venue> venues) {

    /** An evaluation venue (评标室) of a centre and its seats. */
    public record Venue(String id, String centreCode, String name, int seats) {
    }

    /** Whether the centre serves the region: its own code with the trailing zeros dropped is a prefix. */
    public boolean covers(String region) {
        return region.startsWith(prefix());
    }

    /** The significant part of the region code: 410100 → 4101, 410000 → 41. */
    public String prefix() {
        String p = regionCode;
        while (p.endsWith("00")) {
            p = p.substring(0, p.length() - 2);
        }
        return p;
    }
}
