package io.huitong.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.lifecycle.TenderArchived;
import io.huitong.publication.Ocds;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.shared.audit.AuditLog;
import io.huitong.shared.web.ConflictException;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderQueries;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Packs a tender whose lifecycle is over into its archive: the tender as registered and decided, the sealed bid files
 * as received and the bids as opened, the opening records, every decision with its inputs, fired rules and
 * citations, the collusion flags, the OCDS publication, the audit entries with their chain hashes, and the process
 * history — with {@code manifest.json} listing every file's SHA-256. The package is written once; its hash and its
 * manifest's hash are kept apart from it for verification.
 */
@Service
public class TenderArchives {

    static final String MANIFEST = ArchiveZip.MANIFEST;
    static final String FORMAT = "huitong-archive/1";
    private static final Logger log = LoggerFactory.getLogger(TenderArchives.class);
    private static final Set<TenderStatus> OVER = EnumSet.of(TenderStatus.ARCHIVED, TenderStatus.FAILED,
            TenderStatus.TERMINATED, TenderStatus.METHOD_CHANGED);

    private final ArchivePackages packages;
    private final TenderService tenders;
    private final TenderQueries queries;
    private final BidService bids;
    private final DecisionRecords decisions;
    private final AuditLog audit;
    private final Ocds ocds;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private final ObjectProvider<ArchiveContribution> contributions;

    TenderArchives(ArchivePackages packages, TenderService tenders, TenderQueries queries, BidService bids,
            DecisionRecords decisions, AuditLog audit, Ocds ocds, HistoryService history, RuntimeService runtime,
            IdentityService identity, ObjectMapper json, Clock clock, PlatformTransactionManager transactions,
            ObjectProvider<ArchiveContribution> contributions) {
        this.contributions = contributions;
        this.identity = identity;
        this.packages = packages;
        this.tenders = tenders;
        this.queries = queries;
        this.bids = bids;
        this.decisions = decisions;
        this.audit = audit;
        this.ocds = ocds;
        this.history = history;
        this.runtime = runtime;
        this.json = json;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Archived by its lifecycle: packed once the archiving is committed (a failure here is retried on download). */
    @TransactionalEventListener(fallbackExecution = true)
    void archived(TenderArchived event) {
        try {
            packageOf(event.tenderId(), "system");
        } catch (RuntimeException e) {
            log.warn("archive of tender {} not packed now, it will be on its first download", event.tenderId(), e);
        }
    }

    /** The tender's package, packed now if its lifecycle is over and it has none yet; 409 while it goes on. */
    public ArchivePackage packageOf(String tenderId, String by) {
        return packages.find(tenderId).orElseGet(() -> newTransaction.execute(s -> {
            Tender tender = tenders.get(tenderId);
            boolean running = tender.lifecycleInstanceId() != null && runtime.createProcessInstanceQuery()
                    .processInstanceId(tender.lifecycleInstanceId()).count() > 0;
            if (!OVER.contains(tender.status()) || running) {
                throw new ConflictException("项目尚未结束，不能归档 / The tender is not over: nothing to archive yet");
            }
            contributions.orderedStream().map(c -> c.pending(tenderId)).flatMap(java.util.Optional::stream)
                    .findFirst().ifPresent(why -> {
                        throw new ConflictException(why);
                    });
            ArchivePackage built = build(tender, by);
            packages.insert(built);
            return packages.find(tenderId).orElseThrow();
        }));
    }

    /**
     * The archive holds the whole history whoever triggers it (a purchaser completing the last task, a clerk's
     * download): the engine's per-user authorizations do not filter what goes into it.
     */
    private ArchivePackage build(Tender tender, String by) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return pack(tender, by);
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private ArchivePackage pack(Tender tender, String by) {
        Instant now = clock.instant();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("tender.json", write(queries.view(tender.id())));
        List<Bid> all = bids.ofTender(tender.id());
        files.put("bids/bids.json", write(all));
        for (Bid bid : all) {
            bids.sealedFile(bid.id()).ifPresent(sealed -> files.put("bids/sealed/" + bid.id() + ".jwe",
                    sealed.getBytes(StandardCharsets.US_ASCII)));
        }
        bids.openingRecords(tender.id())
                .forEach(r -> files.put("opening/opening-record-round-" + r.round() + ".json", write(r)));
        for (int round = 1; round <= tender.round(); round++) {
            var flags = bids.collusionFlags(tender.id(), round);
            if (!flags.isEmpty()) {
                files.put("decisions/collusion-flags-round-" + round + ".json", write(flags));
            }
        }
        int n = 0;
        for (DecisionRecord d : decisions.ofTender(tender.id())) {
            files.put(String.format("decisions/%03d-%s-%s.json", ++n, d.kind(), d.id()), write(d));
        }
        try {
            files.put("publication/ocds-release-package.json", write(ocds.releasePackage(tender.id(), "archive:")));
        } catch (ConflictException notPublished) {
            // never announced: nothing was published
        }
        contributions.orderedStream().forEach(c -> c.files(tender.id()).forEach(files::putIfAbsent));
        files.put("audit/entries.json", write(audit.about(tender.id())));
        files.putAll(ArchiveHistory.files(history, json, tender.id()));

        ObjectNode header = json.createObjectNode();
        header.put("format", FORMAT).put("tenderId", tender.id()).put("title", tender.title())
                .put("status", tender.status().name()).put("createdAt", now.toString()).put("createdBy", by);
        ArchiveZip.Packed packed = ArchiveZip.pack(json, header, files, now);
        return new ArchivePackage(tender.id(), now, by, packed.zip(), packed.packageSha256(), packed.manifestSha256(),
                packed.zip().length);
    }

    /**
     * Checks a package: every file against the manifest (none missing, none added, none altered), and the manifest
     * and the package against the hashes the platform recorded when it wrote the archive.
     */
    public ArchiveVerification verify(byte[] zip) {
        ArchiveZip.Opened opened = ArchiveZip.open(json, zip);
        List<ArchiveVerification.Problem> problems = new ArrayList<>(opened.problems());
        int signatures = contributions.orderedStream().mapToInt(c -> c.check(opened.files(), problems)).sum();
        String tenderId = opened.manifest().path("tenderId").asText();
        return ArchiveZip.verdict(opened, zip, tenderId, packages.find(tenderId),
                "平台没有该项目的归档记录 / the platform holds no archive of this tender", problems, signatures);
    }

    private byte[] write(Object value) {
        return ArchiveZip.write(json, value);
    }
}
