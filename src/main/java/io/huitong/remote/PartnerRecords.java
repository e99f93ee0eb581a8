package io.huitong.remote;

import static io.huitong.remote.Inputs.invalid;

import io.huitong.interconnect.PeerExchange;
import io.huitong.shared.Digests;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The records this centre hands back to a main centre on another platform (J7): uploaded here by its clerks, each
 * kept with its SHA-256, and sent in one signed message when the hand-back step completes. The message must fit the
 * main centre's body limit; a recording larger than that is refused here with the limit (parts are a later slice).
 */
@Component
public class PartnerRecords {

    /** A record as listed: no content. */
    public record RecordView(String id, String name, String contentType, long size, String sha256,
            String uploadedBy) {
    }

    private final JdbcClient jdbc;
    private final Engagements engagements;
    private final PeerExchange exchange;
    private final LegalClock clock;
    private final long maxMessageBytes;
    private final io.huitong.rules.RuleSetRegistry ruleSets;

    PartnerRecords(JdbcClient jdbc, Engagements engagements, PeerExchange exchange, LegalClock clock,
            @Value("${huitong.web.max-body-bytes:1100000}") long maxBody, io.huitong.rules.RuleSetRegistry ruleSets) {
        this.ruleSets = ruleSets;
        this.jdbc = jdbc;
        this.engagements = engagements;
        this.exchange = exchange;
        this.clock = clock;
        // base64 grows content by a third; the envelope and signature take the rest
        this.maxMessageBytes = maxBody * 3 / 4 - 16_384;
    }

    RecordView upload(String engagementId, String name, String contentType, byte[] content, Operator operator) {
        PartnerEngagement g = engagements.get(engagementId);
        if (g.status() == PartnerEngagement.Status.HANDED_BACK || g.status() == PartnerEngagement.Status.SETTLED) {
            throw new ConflictException("资料已移交 / The records are handed back");
        }
        if (content == null || content.length == 0) {
            throw invalid("file", 0, "请上传非空文件", "Upload a file that is not empty");
        }
        long total = content.length + jdbc.sql("select coalesce(sum(length(content)), 0) from partner_record "
                + "where engagement_id = ?").param(g.id()).query(Long.class).single();
        if (total > maxMessageBytes) {
            throw invalid("file", total, "移交资料合计不得超过" + maxMessageBytes + "字节（分段移交尚未提供）",
                    "The records together may not exceed " + maxMessageBytes + " bytes (parts are not built yet)");
        }
        String id = UUID.randomUUID().toString();
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType.strip();
        jdbc.sql("insert into partner_record (id, engagement_id, name, content_type, content, sha256, uploaded_by, "
                + "uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, g.id(), name, type, content, Digests.sha256Hex(content), operator.userId(),
                        Timestamp.from(clock.instant()))
                .update();
        return new RecordView(id, name, type, content.length, Digests.sha256Hex(content), operator.userId());
    }

    List<RecordView> list(String engagementId) {
        return jdbc.sql("select id, name, content_type, length(content) as size, sha256, uploaded_by from "
                + "partner_record where engagement_id = ? order by uploaded_at, id").param(engagementId)
                .query((rs, i) -> new RecordView(rs.getString("id"), rs.getString("name"),
                        rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
                        rs.getString("uploaded_by")))
                .list();
    }

    /** Every record, with its content and hash, goes to the main centre in one signed message. */
    void handBack(String engagementId, String note, Operator operator) {
        PartnerEngagement g = engagements.get(engagementId);
        if (note == null || note.isBlank()) {
            throw invalid("note", note, "请列明移交的纸质、电子和音视频资料",
                    "List the paper, electronic and audio-visual records handed back");
        }
        List<Map<String, Object>> records = new ArrayList<>();
        jdbc.sql("select name, content_type, content, sha256 from partner_record where engagement_id = ? "
                + "order by uploaded_at, id").param(g.id()).query((rs, i) -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("name", rs.getString("name"));
                    r.put("contentType", rs.getString("content_type"));
                    r.put("sha256", rs.getString("sha256"));
                    r.put("content", Base64.getEncoder().encodeToString(rs.getBytes("content")));
                    return r;
                }).list().forEach(records::add);
        long audioVideo = records.stream().filter(r -> ((String) r.get("contentType")).startsWith("audio/")
                || ((String) r.get("contentType")).startsWith("video/")).count();
        // the evaluation is one session here (J7: at least so many audio-video records a session, policy data)
        int perSession = ruleSets.active().policy().parameters().on(clock.today())
                .amount(RecordsHandBack.AV_PER_SESSION).intValue();
        if (audioVideo < perSession) {
            throw invalid("records", audioVideo, "须先上传本评标室的音视频记录（每场至少" + perSession + "份）",
                    "Upload your venue's audio-video records first (at least " + perSession + " per session)");
        }
        engagements.status(g.id(), PartnerEngagement.Status.HANDED_BACK);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("note", note);
        body.put("records", records);
        body.put("handedBackBy", operator.userId());
        exchange.send(g.mainCentre(), PeerPartners.RECORDS, g.evaluationRef(), body);
    }
}
