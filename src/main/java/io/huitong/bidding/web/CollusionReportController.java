package io.huitong.bidding.web;

import io.huitong.bidding.BidService;
import io.huitong.bidding.CollusionFlag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the supervisor receives: the collusion cases committees confirmed (O87 36; TBR 51(七); RULES.md E3). */
@RestController
@Tag(name = "监督 Supervision", description = "报告监督部门的事项 / Cases reported to the supervisor")
class CollusionReportController {

    private final BidService bids;

    CollusionReportController(BidService bids) {
        this.bids = bids;
    }

    @GetMapping("/api/supervision/collusion-reports")
    @Operation(summary = "串通投标报告 Confirmed collusion",
            description = "Supervisors and administrators: every case a committee confirmed, newest first, with the "
                    + "article, the bids, the evidence and the committee's reasons.")
    List<CollusionFlag> reports() {
        return bids.collusionReports();
    }
}
