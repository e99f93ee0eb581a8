package io.huitong.lifecycle;

import io.huitong.shared.time.LegalClock;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderTimeline;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the timers and due dates of the models read: the due dates of the tender's timeline. An acceleration
 * factor (huitong.acceleration.factor, 1 = off, the default) shortens the engine's waiting for demos and
 * sandboxes; it changes when a timer fires, never a legal date or a decision.
 */
@Component("timers")
public class Timers {

    private final TenderService tenders;
    private final TenderTimeline timeline;
    private final LegalClock clock;
    private final double factor;

    Timers(TenderService tenders, TenderTimeline timeline, LegalClock clock,
            @Value("${huitong.acceleration.factor:1}") double factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("huitong.acceleration.factor must be 1 (off) or more: " + factor);
        }
        this.tenders = tenders;
        this.timeline = timeline;
        this.clock = clock;
        this.factor = factor;
    }

    /** When the timer waiting for this due date fires. */
    public Date at(String tenderId, String name) {
        return Date.from(accelerate(legal(tenderId, name)));
    }

    /** The legal due date, for a task's due date (never accelerated); null when there is none. */
    public Date due(String tenderId, String name) {
        Tender tender = tenders.get(tenderId);
        return timeline.open(tenderId, tender.round(), name).map(d -> Date.from(d.dueAt().toInstant())).orElse(null);
    }

    Instant accelerate(Instant legal) {
        Instant now = clock.instant();
        if (factor <= 1 || !legal.isAfter(now)) {
            return legal;
        }
        long millis = (long) (Duration.between(now, legal).toMillis() / factor);
        return now.plusMillis(millis);
    }

    private Instant legal(String tenderId, String name) {
        Tender tender = tenders.get(tenderId);
        return timeline.open(tenderId, tender.round(), name)
                .orElseThrow(() -> new IllegalStateException("no open due date '" + name + "' for tender " + tenderId
                        + " round " + tender.round()))
                .dueAt().toInstant();
    }
}
