package io.huitong.bidding.web;

import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.bidding.CollusionCases;
import io.huitong.bidding.CollusionFlag;
import io.huitong.shared.security.Groups;
import io.huitong.shared.security.Operator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The written reports of collusion cases committees confirmed, each seen by the authority the rules addressed it
 * to: the finance department under government procurement (O87 36), the supervising department under the
 * Tendering Law (TBR 51(七)). Administrators see all.
 */
@RestController
@Tag(name = "监督 Supervision", description = "报告监督部门的事项 / Cases reported to the supervising authorities")
class CollusionReportController {

    private final BidService bids;
    private final CollusionCases cases;
    private final org.camunda.bpm.engine.IdentityService identity;

    CollusionReportController(BidService bids, CollusionCases cases, org.camunda.bpm.engine.IdentityService identity) {
        this.bids = bids;
        this.cases = cases;
        this.identity = identity;
    }

    /** A report: the case, the bids and their bidders, the committee's reasons, the articles. */
    record CollusionReport(String id, String tenderId, int round, CollusionFlag.Kind kind, String rule,
            String citation, String evidence, List<ReportedBid> bids, String decidedBy, Instant decidedAt,
            String reason, Instant reportedAt, String reportedTo, String reportCitation) {
    }

    record ReportedBid(String bidId, String bidderId, String bidderName, String status, String invalidCitation) {
    }

    @GetMapping("/api/supervision/collusion-reports")
    @Operation(summary = "串通投标报告 Confirmed collusion reports",
            description = "The cases committees confirmed, newest first, addressed to the caller's authority: the "
                    + "finance department (finance-department) under government procurement (O87 36), the supervising "
                    + "department (supervisor) under the Tendering Law; administrators see all. Each report gives "
                    + "the article, the bids and their bidders, the evidence and the committee's reasons.")
    List<CollusionReport> reports() {
        List<String> groups = identity.createGroupQuery().groupMember(Operator.current().userId()).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        return cases.reports(groups.contains(Groups.ADMIN) ? null : groups).stream()
                .map(this::report).toList();
    }

    private CollusionReport report(CollusionFlag f) {
        List<ReportedBid> reported = f.bidIds().stream().map(id -> bids.bid(f.tenderId(), id))
                .map((Bid b) -> new ReportedBid(b.id(), b.bidderId(), b.bidderName(), b.status().name(),
                        b.invalidCitation()))
                .toList();
        return new CollusionReport(f.id(), f.tenderId(), f.round(), f.kind(), f.rule(), f.citation(), f.evidence(),
                reported, f.decidedBy(), f.decidedAt(), f.reason(), f.reportedAt(), f.reportedTo(),
                f.reportCitation());
    }
}
