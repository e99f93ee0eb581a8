package io.huitong.lifecycle;

import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderTimeline;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * What the timers and due dates of the models read: the due dates of the tender's timeline. A timer waits for the
 * legal date itself: in a sandbox whose clock runs fast (huitong.acceleration.factor, shared/time/SandboxTime) the
 * wait is shorter because the one clock that timers and legal checks read gets there sooner, never because the
 * date moved, so when a timer fires every check agrees that its date has come.
 */
@Component("timers")
public class Timers {

    private final TenderService tenders;
    private final TenderTimeline timeline;

    Timers(TenderService tenders, TenderTimeline timeline) {
        this.tenders = tenders;
        this.timeline = timeline;
    }

    /** When the timer waiting for this due date fires: at the legal due date. */
    public Date at(String tenderId, String name) {
        return Date.from(legal(tenderId, name));
    }

    /** The legal due date, for a task's due date; null when there is none. */
    public Date due(String tenderId, String name) {
        Tender tender = tenders.get(tenderId);
        return timeline.open(tenderId, tender.round(), name).map(d -> Date.from(d.dueAt().toInstant())).orElse(null);
    }

    private Instant legal(String tenderId, String name) {
        Tender tender = tenders.get(tenderId);
        return timeline.open(tenderId, tender.round(), name)
                .orElseThrow(() -> new IllegalStateException("no open due date '" + name + "' for tender " + tenderId
                        + " round " + tender.round()))
                .dueAt().toInstant();
    }
}
