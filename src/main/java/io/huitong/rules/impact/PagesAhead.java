package io.huitong.rules.impact;

import io.huitong.rules.DecisionRecord;
import java.util.List;

/**
 * The decisions of the period read page by page on a thread of their own, at most two pages ahead of the page
 * being decided: reading (JSON of inputs, outputs, fired rules) overlaps deciding and the candidate's compilation.
 */
final class PagesAhead implements AutoCloseable {

    private static final Object END = new Object();

    private final java.util.concurrent.BlockingQueue<Object> queue =
            new java.util.concurrent.ArrayBlockingQueue<>(2);
    private volatile boolean closed;

    PagesAhead(java.util.function.Consumer<java.util.function.Consumer<List<DecisionRecord>>> source) {
        Thread reader = new Thread(() -> {
            try {
                source.accept(this::put);
                put(END);
            } catch (java.util.concurrent.CancellationException stopped) {
                // the measurement ended early; nobody reads on
            } catch (RuntimeException | Error e) {
                try {
                    put(e);
                } catch (java.util.concurrent.CancellationException stopped) {
                    // nobody reads on
                }
            }
        }, "impact-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void put(Object item) {
        try {
            while (!queue.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new java.util.concurrent.CancellationException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException();
        }
    }

    /** The next page, null after the last; what reading threw, as thrown. */
    @SuppressWarnings("unchecked")
    List<DecisionRecord> next() {
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading decisions", e);
        }
        if (item == END) {
            return null;
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        if (item instanceof Error e) {
            throw e;
        }
        return (List<DecisionRecord>) item;
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
    }
}
