package io.huitong.qualification;

import java.time.LocalDate;

/**
 * The project manager a decrypted bid names ({@code certificateNo}, null when it names none) and what the documents
 * require of one (a registered constructor of the bidder in {@code speciality}, free at the deadline, O2): a fact for
 * the opening. {@code projectCode} is this project's: an assignment on another section of it is no obstacle.
 */
public record ManagerRequired(String bidId, String bidderId, String bidderName, String certificateNo,
        String speciality, LocalDate deadline, String projectCode) {
}
