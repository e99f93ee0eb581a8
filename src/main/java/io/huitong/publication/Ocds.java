package io.huitong.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.bidding.BidStatus;
import io.huitong.shared.web.ConflictException;
import io.huitong.tender.Category;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderStatus;
import io.huitong.tender.TenderTimeline;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A tender as an OCDS 1.1 release package (https://standard.open-contracting.org/1.1/): one release for each
 * stage the tender reached — the tender notice, the award, the contract, or the failure or cancellation — each
 * with what was known at that time. Bids stay out until they are opened (EB20 27).
 */
@Service
public class Ocds {

    /** The lifecycle's award step: its end is when the award notice went out. */
    @io.huitong.shared.workflow.ModelElement(process = "tender-award",
            kind = io.huitong.shared.workflow.ModelElement.Kind.ELEMENT)
    static final String AWARD_STEP = "award";

    static final String VERSION = "1.1";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final TenderService tenders;
    private final TenderTimeline timeline;
    private final BidService bids;
    private final IdentityService identity;
    private final HistoryService history;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final String ocidPrefix;
    private final String publisher;

    Ocds(TenderService tenders, TenderTimeline timeline, BidService bids, IdentityService identity,
            HistoryService history, ObjectMapper json,
            Clock clock, @Value("${huitong.zone:Asia/Shanghai}") ZoneId zone,
            @Value("${huitong.publication.ocid-prefix:ocds-huitong}") String ocidPrefix,
            @Value("${huitong.publication.publisher:汇通公共资源交易平台 Huitong}") String publisher) {
        this.tenders = tenders;
        this.timeline = timeline;
        this.bids = bids;
        this.identity = identity;
        this.history = history;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.ocidPrefix = ocidPrefix;
        this.publisher = publisher;
    }

    /** The release package of the tender; 409 before its announcement (nothing is public yet). */
    public ObjectNode releasePackage(String tenderId, String uri) {
        Tender tender = tenders.get(tenderId);
        if (tender.lifecycleInstanceId() == null || tender.status() == TenderStatus.PENDING_APPROVAL
                || tender.status() == TenderStatus.RETURNED || tender.status() == TenderStatus.APPROVED) {
            throw new ConflictException("招标公告发布前不公开 / Nothing is published before the announcement");
        }
        ObjectNode pkg = json.createObjectNode();
        pkg.put("uri", uri);
        pkg.put("version", VERSION);
        pkg.put("publishedDate", format(clock.instant()));
        pkg.putObject("publisher").put("name", publisher);
        ArrayNode releases = pkg.putArray("releases");
        releases(tender).forEach(releases::add);
        return pkg;
    }

    String ocid(Tender tender) {
        return ocidPrefix + "-" + tender.id();
    }

    private List<ObjectNode> releases(Tender tender) {
        List<ObjectNode> releases = new ArrayList<>();
        Instant announced = tender.documentIssueDate().atStartOfDay(zone).toInstant();
        releases.add(release(tender, "tender", announced, Stage.TENDER));
        Optional<Instant> awarded = awarded(tender).filter(at -> tender.winnerBidId() != null);
        if (awarded.isPresent()) {
            releases.add(release(tender, "award", awarded.get(), Stage.AWARD));
        }
        Optional<Instant> signed = closed(tender, "contract");
        if (signed.isPresent() && tender.winnerBidId() != null && (tender.status() == TenderStatus.CONTRACTED
                || tender.status() == TenderStatus.ARCHIVED)) {
            releases.add(release(tender, "contract", signed.get(), Stage.CONTRACT));
        }
        if (tender.status() == TenderStatus.FAILED || tender.status() == TenderStatus.METHOD_CHANGED) {
            releases.add(release(tender, "tenderUpdate", clock.instant(), Stage.ENDED));
        }
        if (tender.status() == TenderStatus.TERMINATED) {
            releases.add(release(tender, "tenderCancellation", clock.instant(), Stage.ENDED));
        }
        return releases;
    }

    private enum Stage {
        TENDER, AWARD, CONTRACT, ENDED
    }

    private ObjectNode release(Tender tender, String tag, Instant date, Stage stage) {
        ObjectNode r = json.createObjectNode();
        r.put("ocid", ocid(tender));
        r.put("id", ocid(tender) + "-" + tag + "-" + tender.round());
        r.put("date", format(date));
        r.putArray("tag").add(tag);
        r.put("initiationType", "tender");
        r.put("language", "zh");
        Map<String, ObjectNode> parties = new LinkedHashMap<>();
        ObjectNode buyer = buyer(tender);
        parties.put(buyer.get("id").asText(), buyer);
        r.putObject("buyer").put("id", buyer.get("id").asText()).put("name", buyer.get("name").asText());

        ObjectNode t = r.putObject("tender");
        t.put("id", tender.id());
        t.put("title", tender.title());
        t.put("status", stage == Stage.TENDER && !ended(tender) ? "active" : tenderStatus(tender));
        t.put("statusDetails", tender.status().name());
        value(t.putObject("value"), tender.estimatedAmount());
        t.put("procurementMethod", method(tender.procurementMethod()));
        t.put("procurementMethodDetails", tender.procurementMethod().name());
        t.put("mainProcurementCategory", category(tender.category()));
        t.putArray("submissionMethod").add("electronicSubmission");
        ObjectNode period = t.putObject("tenderPeriod");
        period.put("startDate", format(tender.documentIssueDate().atStartOfDay(zone).toInstant()));
        period.put("endDate", format(tender.bidDeadline().toInstant()));
        t.put("datePublished", format(tender.documentIssueDate().atStartOfDay(zone).toInstant()));

        List<Bid> opened = opened(tender);
        if (stage != Stage.TENDER && !opened.isEmpty()) {
            t.put("numberOfTenderers", opened.size());
            ArrayNode tenderers = t.putArray("tenderers");
            for (Bid bid : opened) {
                ObjectNode org = organization(bid.bidderId(), bid.bidderName(), "tenderer");
                parties.merge(org.get("id").asText(), org, (a, b) -> a);
                tenderers.addObject().put("id", org.get("id").asText()).put("name", bid.bidderName());
            }
        }
        if ((stage == Stage.AWARD || stage == Stage.CONTRACT) && tender.winnerBidId() != null) {
            Bid winner = bids.bid(tender.id(), tender.winnerBidId());
            ObjectNode supplier = organization(winner.bidderId(), winner.bidderName(), "supplier");
            parties.merge(supplier.get("id").asText(), supplier, (a, b) -> {
                ((ArrayNode) a.get("roles")).add("supplier");
                return a;
            });
            ObjectNode award = r.putArray("awards").addObject();
            award.put("id", winner.id());
            award.put("title", "中标（成交）通知 / Award notice");
            award.put("status", "active");
            award.put("date", format(awarded(tender).orElse(clock.instant())));
            value(award.putObject("value"), winner.price());
            award.putArray("suppliers").addObject().put("id", supplier.get("id").asText())
                    .put("name", winner.bidderName());
            if (stage == Stage.CONTRACT) {
                ObjectNode contract = r.putArray("contracts").addObject();
                contract.put("id", tender.id() + "-contract-" + tender.round());
                contract.put("awardID", winner.id());
                contract.put("title", tender.title());
                contract.put("status", "active");
                contract.put("dateSigned", format(closed(tender, "contract").orElse(clock.instant())));
                value(contract.putObject("value"), winner.price());
            }
        }
        ArrayNode partyArray = r.putArray("parties");
        parties.values().forEach(partyArray::add);
        return r;
    }

    private boolean ended(Tender tender) {
        return tender.status() == TenderStatus.FAILED || tender.status() == TenderStatus.TERMINATED
                || tender.status() == TenderStatus.METHOD_CHANGED;
    }

    /** The bids of the round once opened: never before (EB20 27); revoked or withdrawn ones were not opened. */
    private List<Bid> opened(Tender tender) {
        if (!bids.opened(tender.id(), tender.round())) {
            return List.of();
        }
        return bids.ofRound(tender.id(), tender.round()).stream()
                .filter(b -> b.status() == BidStatus.VALID || b.status() == BidStatus.INVALID).toList();
    }

    /** The buyer is the tenderer's organisation as registered (its credit code and name), not a login. */
    private ObjectNode buyer(Tender tender) {
        var registration = tenders.registration(tender);
        return organization(registration.purchaserId(), registration.purchaserName(), "buyer");
    }

    /** An organisation by its unified social credit code (org-id.guide scheme CN-USCC). */
    private ObjectNode organization(String creditCode, String name, String role) {
        ObjectNode org = json.createObjectNode();
        org.put("id", "CN-USCC-" + creditCode);
        org.put("name", name);
        org.putObject("identifier").put("scheme", "CN-USCC").put("id", creditCode).put("legalName", name);
        org.putArray("roles").add(role);
        return org;
    }

    /**
     * When the award notice went out: the lifecycle's award step ("award", in the stage {@code tender-award.bpmn}
     * the lifecycle calls, or in the lifecycle itself on its older flat versions).
     */
    private Optional<Instant> awarded(Tender tender) {
        return history.createHistoricProcessInstanceQuery().rootProcessInstanceId(tender.lifecycleInstanceId()).list()
                .stream().flatMap(p -> history.createHistoricActivityInstanceQuery().processInstanceId(p.getId())
                        .activityId(AWARD_STEP).finished().list().stream())
                .map(a -> a.getEndTime().toInstant()).max(Instant::compareTo);
    }

    private Optional<Instant> closed(Tender tender, String deadline) {
        return timeline.of(tender.id()).stream()
                .filter(d -> d.name().equals(deadline) && d.round() == tender.round()
                        && d.state() == TenderTimeline.State.MET && d.closedAt() != null)
                .map(TenderTimeline.Deadline::closedAt).reduce((a, b) -> b);
    }

    private static void value(ObjectNode node, BigDecimal amount) {
        if (amount != null) {
            node.put("amount", amount);
        }
        node.put("currency", "CNY");
    }

    private String format(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone).format(DATE_TIME);
    }

    static String tenderStatus(Tender tender) {
        return switch (tender.status()) {
            case AWARDED, CONTRACTED, ARCHIVED -> "complete";
            case FAILED, METHOD_CHANGED -> "unsuccessful";
            case TERMINATED -> "cancelled";
            default -> "active";
        };
    }

    static String method(ProcurementMethod method) {
        return switch (method) {
            case OPEN -> "open";
            case INVITATION -> "selective";
            case COMPETITIVE_NEGOTIATION, PRICE_INQUIRY -> "limited";
            case SINGLE_SOURCE -> "direct";
        };
    }

    static String category(Category category) {
        return switch (category) {
            case WORKS -> "works";
            case GOODS -> "goods";
            case SERVICES -> "services";
        };
    }
}
