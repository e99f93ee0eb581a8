package io.huitong.qualification;

import java.time.LocalDate;

/** The qualification a bidder must hold, valid at the bid deadline (O3): a fact for one bid's submission. */
public record QualificationRequired(String bidderId, String kind, String grade, LocalDate deadline) {
}
