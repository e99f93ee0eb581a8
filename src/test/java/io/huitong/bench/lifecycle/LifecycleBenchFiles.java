package io.huitong.bench.lifecycle;


/** Small things the benchmark's sections share. */
public final class LifecycleBenchFiles {

    private LifecycleBenchFiles() {
    }

    /** The demo user who decides an approval step of that candidate group. */
    public static String approver(String group) {
        return Actors.APPROVER.get(group);
    }
}
