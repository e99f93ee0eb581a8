package io.huitong.remote;

import io.huitong.evaluation.CommitteeFacts;
import io.huitong.evaluation.ExpertEmployers;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The pool's record of where an expert works, for the committee rules of a local evaluation. */
@Component
class PoolEmployers implements ExpertEmployers {

    private final ExpertPool pool;

    PoolEmployers(ExpertPool pool) {
        this.pool = pool;
    }

    @Override
    public Optional<CommitteeFacts.ExpertMember> of(String userId, LocalDate day) {
        return pool.byUser(userId).map(x -> new CommitteeFacts.ExpertMember(userId, x.employerId(), x.employment()
                .stream().filter(j -> new DrawFacts.Employment(x.id(), j.partyId(), j.role(), j.startDate(),
                        j.endDate()).heldOn(day))
                .map(Expert.Employment::partyId).collect(Collectors.toUnmodifiableSet())));
    }
}
