package io.huitong.bench;

/** One part of the benchmark: it measures and adds its figures (and chart points) to the report. */
public interface Section {

    /** The name used by {@code -Dbench.only}. */
    String name();

    void run(Report report, Scale scale) throws Exception;

    /** How much to measure: {@code full} for the report, {@code quick} to see that a section still works. */
    enum Scale {
        FULL, QUICK;

        /** The full figure, or the quick one. */
        public int pick(int full, int quick) {
            return this == FULL ? full : quick;
        }
    }
}
