package io.huitong.rules.impact;

/** An uploaded candidate that unpacks to more than a rules folder could be (413). */
public final class CandidateTooLarge extends RuntimeException {

    private final long limit;

    CandidateTooLarge(long limit) {
        super("the candidate unpacks to more than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
