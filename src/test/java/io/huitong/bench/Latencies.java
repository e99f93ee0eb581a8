package io.huitong.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies recorded in nanoseconds (HdrHistogram, 3 significant digits), read as milliseconds. */
public final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(3);

    public void record(long nanos) {
        histogram.recordValue(Math.max(0, nanos));
    }

    /** Times the call and records it. */
    public <T> T time(java.util.concurrent.Callable<T> call) throws Exception {
        long start = System.nanoTime();
        try {
            return call.call();
        } finally {
            record(System.nanoTime() - start);
        }
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The percentile (0–100) in milliseconds. */
    public double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    public double p50() {
        return percentileMillis(50);
    }

    public double p99() {
        return percentileMillis(99);
    }

    public double maxMillis() {
        return histogram.getMaxValue() / 1e6;
    }

    public void reset() {
        histogram.reset();
    }
}
