package io.huitong.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.archive.ArchiveHistory;
import io.huitong.archive.ArchivePackage;
import io.huitong.archive.ArchiveVerification;
import io.huitong.archive.ArchiveZip;
import io.huitong.interconnect.ArchivedMessages;
import io.huitong.shared.audit.AuditLog;
import io.huitong.shared.web.ConflictException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This centre's own archive of an engagement as the partner of another platform's remote evaluation (J7, issue 17):
 * the request with the avoidance facts the main centre sent, the joint draw's commitments and reveals (and the
 * committee they re-run to), the seats drawn here, the scoring sheet and report the experts saw, the records handed
 * back, every signed message either way with the keys that verify them, the audit entries and the process history —
 * in the same form as a tender's archive ({@link ArchiveZip}). Written once, when the engagement is over (settled,
 * refused or withdrawn); its verification checks the manifest, the hashes recorded here and every signature, with
 * nothing but the package and this centre's record of its hashes.
 */
@Component
class EngagementArchives {

    static final String FORMAT = "huitong-engagement-archive/1";
    private static final Logger log = LoggerFactory.getLogger(EngagementArchives.class);
    private static final Set<PartnerEngagement.Status> OVER = EnumSet.of(PartnerEngagement.Status.SETTLED,
            PartnerEngagement.Status.REFUSED, PartnerEngagement.Status.WITHDRAWN);

    private final JdbcClient jdbc;
    private final Engagements engagements;
    private final JointDrawParties parties;
    private final ArchivedMessages messages;
    private final AuditLog audit;
    private final HistoryService history;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;

    EngagementArchives(JdbcClient jdbc, Engagements engagements, JointDrawParties parties, ArchivedMessages messages,
            AuditLog audit, HistoryService history, ObjectMapper json, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.engagements = engagements;
        this.parties = parties;
        this.messages = messages;
        this.audit = audit;
        this.history = history;
        this.json = json;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The engagement is over: its package is written once what ended it is committed (a failure here is logged and
     * the package written on its first download).
     */
    void over(String engagementId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    pack(engagementId);
                }
            });
        } else {
            pack(engagementId);
        }
    }

    private void pack(String engagementId) {
        try {
            packageOf(engagementId, "system");
        } catch (RuntimeException e) {
            log.warn("archive of engagement {} not packed now, it will be on its first download", engagementId, e);
        }
    }

    /** The engagement's package, packed now if it is over and has none yet; 409 while it goes on. */
    ArchivePackage packageOf(String engagementId, String by) {
        return find(engagementId).orElseGet(() -> transactions.execute(s -> {
            PartnerEngagement g = engagements.get(engagementId);
            if (!OVER.contains(g.status())) {
                throw new ConflictException("协作事项尚未结束（" + g.status() + "），不能归档 / The engagement is not over ("
                        + g.status() + "): nothing to archive yet");
            }
            if (messages.pending(g.evaluationRef(), g.mainCentre())) {
                throw new ConflictException("尚有消息在向主场投递，投递后归档 / A message to the main centre is still on its "
                        + "way: the archive is written once it is delivered");
            }
            Instant now = clock.instant();
            ObjectNode header = json.createObjectNode();
            header.put("format", FORMAT).put("engagementId", g.id()).put("mainCentre", g.mainCentre())
                    .put("evaluationRef", g.evaluationRef()).put("title", g.tenderTitle())
                    .put("status", g.status().name()).put("createdAt", now.toString()).put("createdBy", by);
            ArchiveZip.Packed packed = ArchiveZip.pack(json, header, files(g), now);
            if (find(engagementId).isEmpty()) {
                jdbc.sql("""
                        insert into engagement_archive (engagement_id, created_at, created_by, package, package_sha256,
                            manifest_sha256, bytes) values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(g.id(), Timestamp.from(now), by, packed.zip(), packed.packageSha256(),
                                packed.manifestSha256(), packed.zip().length)
                        .update();
            }
            return find(engagementId).orElseThrow();
        }));
    }

    /**
     * Checks a package: every file against its manifest, the manifest and the package against the hashes recorded
     * here when it was written, and the signature of every message it holds against the keys it holds.
     */
    ArchiveVerification verify(byte[] zip) {
        ArchiveZip.Opened opened = ArchiveZip.open(json, zip);
        List<ArchiveVerification.Problem> problems = new ArrayList<>(opened.problems());
        String evaluationRef = opened.manifest().path("evaluationRef").asText(null);
        ArchivedMessages.Check signatures = messages.verify(opened.files(), folder -> evaluationRef);
        signatures.problems().forEach(p -> problems.add(new ArchiveVerification.Problem(p.path(), p.problem())));
        String id = opened.manifest().path("engagementId").asText();
        return ArchiveZip.verdict(opened, zip, id, find(id),
                "本平台没有该协作事项的归档记录 / this platform holds no archive of this engagement", problems,
                signatures.verified());
    }

    private Map<String, byte[]> files(PartnerEngagement g) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("engagement.json", write(g));
        Map<String, String> committee = jdbc.sql("select scoring_sheet, report from partner_engagement where id = ?")
                .param(g.id()).query((rs, i) -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("scoring-sheet", rs.getString("scoring_sheet"));
                    m.put("report", rs.getString("report"));
                    return m;
                }).single();
        committee.forEach((name, text) -> {
            if (text != null) {
                files.put("committee/" + name + ".json", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        draws(g, files);
        files.put("draw/seats.json", write(jdbc.sql("select s.seat_no, s.draw_no, s.status, s.expert_id, x.name "
                + "from partner_seat s join expert x on x.id = s.expert_id where s.engagement_id = ? order by "
                + "s.seat_no").param(g.id()).query((rs, i) -> Map.of("seat", rs.getInt("seat_no"),
                        "draw", rs.getInt("draw_no"), "status", rs.getString("status"),
                        "expertId", rs.getString("expert_id"), "name", rs.getString("name"))).list()));
        List<Map<String, Object>> records = new ArrayList<>();
        jdbc.sql("select id, name, content_type, content, sha256, uploaded_by, uploaded_at from partner_record "
                + "where engagement_id = ? order by uploaded_at, id").param(g.id()).query((rs, i) -> {
                    String path = "records/" + rs.getString("id") + "-" + ArchiveZip.safeName(rs.getString("name"));
                    files.put(path, rs.getBytes("content"));
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("path", path);
                    r.put("name", rs.getString("name"));
                    r.put("contentType", rs.getString("content_type"));
                    r.put("sha256", rs.getString("sha256"));
                    r.put("uploadedBy", rs.getString("uploaded_by"));
                    r.put("uploadedAt", rs.getTimestamp("uploaded_at").toInstant().toString());
                    return r;
                }).list().forEach(records::add);
        files.put("records/records.json", write(records));
        files.putAll(messages.files(g.evaluationRef(), g.mainCentre(), "messages/"));
        files.put("audit/entries.json", write(audit.about(g.id())));
        files.putAll(ArchiveHistory.files(history, json, g.id()));
        return files;
    }

    /** Every joint draw this centre took part in: each party's commitment and reveal, and the committee re-run. */
    private void draws(PartnerEngagement g, Map<String, byte[]> files) {
        List<Integer> numbers = jdbc.sql("select distinct draw_no from joint_draw_party where evaluation_ref = ? "
                + "order by draw_no").param(g.evaluationRef()).query(Integer.class).list();
        for (int drawNo : numbers) {
            List<Map<String, Object>> rows = new ArrayList<>();
            boolean complete = true;
            for (JointDrawParties.Party p : parties.of(g.evaluationRef(), drawNo)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("centre", p.centreCode());
                row.put("own", p.own());
                row.put("poolHash", p.poolHash());
                row.put("shareHash", p.shareHash());
                row.put("committedAt", p.committedAt().toString());
                // a share never revealed stays out: it was never shown to anyone
                row.put("revealedAt", p.revealedAt() == null ? null : p.revealedAt().toString());
                row.put("snapshot", p.revealedAt() == null ? null : p.snapshot());
                row.put("share", p.revealedAt() == null ? null : p.share());
                complete &= p.revealedAt() != null;
                rows.add(row);
            }
            Map<String, Object> draw = new LinkedHashMap<>();
            draw.put("drawNo", drawNo);
            draw.put("parties", rows);
            if (complete) {
                try {
                    draw.put("committee", parties.rerun(g.evaluationRef(), drawNo));
                } catch (RuntimeException e) {
                    draw.put("rerunRefused", e.getMessage());
                }
            } else {
                draw.put("committee", null);
            }
            files.put("draw/draw-" + drawNo + ".json", write(draw));
        }
    }

    private Optional<ArchivePackage> find(String engagementId) {
        return jdbc.sql("select * from engagement_archive where engagement_id = ?").param(engagementId)
                .query((rs, i) -> new ArchivePackage(rs.getString("engagement_id"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                        rs.getBytes("package"), rs.getString("package_sha256"), rs.getString("manifest_sha256"),
                        rs.getLong("bytes")))
                .optional();
    }

    private byte[] write(Object value) {
        return ArchiveZip.write(json, value);
    }
}
