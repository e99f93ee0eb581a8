package io.huitong.evaluation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where an expert works, as the expert pool records it (the pool lives with remote evaluation, which implements
 * this): what the committee rules read to tell the tenderer's own staff from independent experts (TBL 37; O87 47).
 */
public interface ExpertEmployers {

    /** The member's employer and posts held on the day, or empty if the pool has no record of the user. */
    Optional<CommitteeFacts.ExpertMember> of(String userId, LocalDate day);
}
