package io.huitong.remote;

import io.huitong.evaluation.ExpertIdentities;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The pool's record of an expert's identity number, for the signature of a local evaluation's report. */
@Component
class PoolIdentities implements ExpertIdentities {

    private final ExpertPool pool;

    PoolIdentities(ExpertPool pool) {
        this.pool = pool;
    }

    @Override
    public Optional<String> idNo(String userId) {
        return pool.byUser(userId).map(Expert::idNo);
    }
}
