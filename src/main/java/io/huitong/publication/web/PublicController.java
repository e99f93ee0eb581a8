package io.huitong.publication.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.bidding.BidService;
import io.huitong.bidding.OpeningRecord;
import io.huitong.publication.OpeningFeed;
import io.huitong.publication.ResultPublicity;
import io.huitong.shared.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The public doors, read-only and open to anyone by design (公开透明): what the law requires to be published — the
 * opening as it happens and its record (EB20 32), the result with scores, rejections and the complaint channel
 * (K12). Nothing else is reachable without signing in, and nothing here changes state.
 */
@RestController
@Tag(name = "公开 Public", description = "开标直播、开标记录、评标结果公示 / Live opening, opening record, result")
class PublicController {

    private final BidService bids;
    private final OpeningFeed feed;
    private final ResultPublicity results;

    PublicController(BidService bids, OpeningFeed feed, ResultPublicity results) {
        this.bids = bids;
        this.feed = feed;
        this.results = results;
    }

    @GetMapping(path = "/public/tenders/{tenderId}/opening/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "开标直播 Live opening (server-sent events)",
            description = "Events: state (on connecting), decrypted, decryptionFailed, opened (with the record; the "
                    + "stream then ends). Nothing about the bids before the deadline (TBL 22).")
    SseEmitter live(@PathVariable String tenderId) {
        return feed.watch(tenderId);
    }

    @GetMapping("/public/tenders/{tenderId}/opening-record")
    @Operation(summary = "开标记录 Opening record", description = "Published once the bids are opened (EB20 32).")
    OpeningRecord openingRecord(@PathVariable String tenderId) {
        return bids.openingRecord(tenderId)
                .orElseThrow(() -> new NotFoundException("尚未开标 / No opening record yet: the bids are not opened"));
    }

    @GetMapping("/public/tenders/{tenderId}/result")
    @Operation(summary = "评标结果公示 Result",
            description = "Candidates and scores, each expert's scores, rejections with reasons and articles, and the "
                    + "complaint channel (K12; G1117 (五)). 409 until the result is published.")
    ObjectNode result(@PathVariable String tenderId) {
        return results.result(tenderId);
    }
}
