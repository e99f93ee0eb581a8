package io.huitong.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.bidding.BidService;
import io.huitong.bidding.OpeningEvent;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live opening feed (不见面开标直播, EB20 32): server-sent events for anyone watching a tender's opening. On
 * connecting a watcher gets where the opening stands; then each decryption as it happens (the bidder, never the
 * content), each failure, and the opening record when the bids are opened, after which the feed ends. Before the
 * deadline nothing about the bids is told, not even how many there are (TBL 22).
 */
@Component
public class OpeningFeed {

    static final Duration TIMEOUT = Duration.ofHours(2);
    /** Open connections the feed holds at most, per tender and in all: beyond, 503 (each holds a connection). */
    static final int PER_TENDER = 1000;
    static final int IN_ALL = 5000;

    private final Map<String, List<SseEmitter>> watchers = new ConcurrentHashMap<>();
    private final TenderService tenders;
    private final BidService bids;
    private final ObjectMapper json;
    private final Clock clock;

    OpeningFeed(TenderService tenders, BidService bids, ObjectMapper json, Clock clock) {
        this.tenders = tenders;
        this.bids = bids;
        this.json = json;
        this.clock = clock;
    }

    /** A new watcher of the tender's opening: the state now, then what happens. */
    public SseEmitter watch(String tenderId) {
        Tender tender = tenders.get(tenderId);
        List<SseEmitter> list = watchers.computeIfAbsent(tenderId, t -> new CopyOnWriteArrayList<>());
        if (list.size() >= PER_TENDER || watchers.values().stream().mapToInt(List::size).sum() >= IN_ALL) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "观看人数已满，请稍后再试或查看开标记录 / Too many watchers: try later, or read the opening record");
        }
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        emitter.onCompletion(() -> list.remove(emitter));
        emitter.onTimeout(() -> list.remove(emitter));
        emitter.onError(e -> list.remove(emitter));
        var record = bids.openingRecord(tenderId).filter(r -> r.round() == tender.round());
        ObjectNode state = json.createObjectNode().put("tenderId", tenderId).put("title", tender.title())
                .put("status", tender.status().name())
                .put("bidDeadline", tender.bidDeadline().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .put("at", clock.instant().toString());
        if (record.isPresent()) {
            state.set("record", json.valueToTree(record.get()));
        } else if (tender.status() == TenderStatus.CLOSED) {
            state.set("decryption", json.valueToTree(bids.decryptionProgress(tenderId)));
        }
        try {
            emitter.send(SseEmitter.event().name("state").data(state, MediaType.APPLICATION_JSON));
            if (record.isPresent() || ended(tender)) {
                emitter.complete();
                return emitter;
            }
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        list.add(emitter);
        return emitter;
    }

    private static boolean ended(Tender tender) {
        return tender.status() == TenderStatus.FAILED || tender.status() == TenderStatus.TERMINATED
                || tender.status() == TenderStatus.ARCHIVED;
    }

    /** Tells the watchers once the change is committed; the opening record closes the feed. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(OpeningEvent event) {
        List<SseEmitter> list = watchers.get(event.tenderId());
        if (list == null || list.isEmpty()) {
            return;
        }
        ObjectNode data = json.createObjectNode().put("round", event.round()).put("at", event.at().toString());
        if (event.bidderName() != null) {
            data.put("bidderName", event.bidderName());
        }
        String name = switch (event.kind()) {
            case DECRYPTED -> "decrypted";
            case DECRYPTION_FAILED -> {
                data.put("fault", event.detail());
                yield "decryptionFailed";
            }
            case OPENED -> {
                bids.openingRecord(event.tenderId()).ifPresent(r -> data.set("record", json.valueToTree(r)));
                yield "opened";
            }
        };
        for (SseEmitter emitter : list) {
            try {
                emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
                if (event.kind() == OpeningEvent.Kind.OPENED) {
                    emitter.complete();
                }
            } catch (IOException | IllegalStateException e) {
                list.remove(emitter);
            }
        }
    }
}
