package io.huitong.evaluation;

import java.util.Optional;

/**
 * An expert's citizen identity number (GB 11643) as the expert pool records it (the pool lives with remote
 * evaluation, which implements this): the person an expert's signature of the report must belong to (ESL 13, 14).
 */
public interface ExpertIdentities {

    /** The identity number of the pool's expert who is this user, or empty if the pool has no record of the user. */
    Optional<String> idNo(String userId);
}
