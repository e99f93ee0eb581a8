package io.huitong.remote;

import io.huitong.remote.PartnerRecordStore.Record;
import io.huitong.remote.RemoteRecords.Partner;
import io.huitong.remote.RemoteRecords.PartnerStatus;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.rules.policy.Parameters;
import io.huitong.shared.Digests;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.web.Problems;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.tender.TenderService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * A partner hands its records back to the main venue (J7): it uploads each file (the audio-video recordings of its
 * venue, scanned papers, electronic files), kept with its SHA-256, name, type, size, uploader and time; the
 * hand-back step ({@code handBackRecords}) does not complete without the audio-video records J7 requires — at least
 * {@code remote.records.av-per-session} per session held at the partner's venue, a session being each committee
 * that sat there (a postponement and a new committee make a second). The files go into the tender's archive package
 * ({@link RemoteArchive}). A partner sees and uploads its own records only; the main centre and overseers see all.
 */
@Component("handedBackRecords")
public class RecordsHandBack {

    public static final String AUDIO_VIDEO = "AUDIO_VIDEO";
    public static final String DOCUMENT = "DOCUMENT";
    static final String AV_PER_SESSION = "remote.records.av-per-session";

    private final RemoteEvaluations remote;
    private final DrawRecords draws;
    private final TenderService tenders;
    private final RemoteAccess remoteAccess;
    private final PartnerRecordStore store;
    private final RuleSetRegistry ruleSets;
    private final LegalClock clock;
    private final long maxBytes;

    RecordsHandBack(RemoteEvaluations remote, DrawRecords draws, TenderService tenders, RemoteAccess access,
            PartnerRecordStore store, RuleSetRegistry ruleSets, LegalClock clock,
            @Value("${huitong.remote.records.max-bytes:104857600}") long maxBytes) {
        this.remote = remote;
        this.draws = draws;
        this.tenders = tenders;
        this.remoteAccess = access;
        this.store = store;
        this.ruleSets = ruleSets;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** A record as its centre and the main centre see it (never its content: {@link #content}). */
    public record RecordView(String id, String centre, String venueId, String kind, String name, String contentType,
            long bytes, String sha256, String uploadedBy, java.time.Instant uploadedAt) {

        static RecordView of(Record r) {
            return new RecordView(r.id(), r.centre(), r.venueId(), r.kind(), r.name(), r.contentType(), r.bytes(),
                    r.sha256(), r.uploadedBy(), r.uploadedAt());
        }
    }

    /** A record's file. */
    public record Content(RecordView record, byte[] bytes) {
    }

    /**
     * The partner uploads one record. {@code centre} may be left out when the operator's centre is the only partner
     * of the evaluation it belongs to. Refused: someone not taking part (404), another centre's (403), a partner
     * that did not accept or has handed back already (409), an empty file (422), one above the limit (413).
     */
    public RecordView upload(String evaluationId, String centre, String name, String contentType, byte[] content,
            Operator operator) {
        RemoteRecords.Evaluation e = remote.get(evaluationId);
        String own = ownCentre(e, centre, operator);
        Partner partner = remote.partners(evaluationId).stream().filter(p -> p.centreCode().equals(own)).findFirst()
                .orElseThrow();
        if (partner.status() != PartnerStatus.ACCEPTED) {
            throw new ConflictException("贵中心未接受协作请求，没有需移交的资料 / Your centre did not accept the request: "
                    + "it has no records to hand back");
        }
        if (partner.recordsAt() != null) {
            throw new ConflictException("资料已移交，不能再增加 / The records are handed back: nothing more is added");
        }
        if (content == null || content.length == 0) {
            throw new ValidationException(List.of(Violation.of("file", "validation.NotEmpty", "J7", null, 0,
                    "请上传非空文件", "Upload a file that is not empty")));
        }
        if (content.length > maxBytes) {
            throw tooLarge(content.length);
        }
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType.strip();
        if (type.length() > 100) {
            throw new ValidationException(List.of(Violation.of("file", "validation.Size", null, 100, type.length(),
                    "文件类型过长", "The content type is too long")));
        }
        String kind = type.startsWith("audio/") || type.startsWith("video/") ? AUDIO_VIDEO : DOCUMENT;
        Record saved = store.add(evaluationId, own, partner.venueId(), kind, fileName(name), type, content,
                Digests.sha256Hex(content), operator.userId(), clock.instant());
        return RecordView.of(saved);
    }

    /** The records the operator may see: its own centre's, or all for the main centre and overseers. */
    public List<RecordView> list(String evaluationId, Operator operator) {
        RemoteAccess.Access access = access(remote.get(evaluationId), operator);
        return store.records(evaluationId).stream().filter(r -> access.all() || access.centres().contains(r.centre()))
                .map(RecordView::of).toList();
    }

    /** One record's file, to whoever may see the record. */
    public Content content(String evaluationId, String recordId, Operator operator) {
        RecordView seen = list(evaluationId, operator).stream().filter(r -> r.id().equals(recordId)).findFirst()
                .orElseThrow(() -> new NotFoundException("没有该资料 / No record " + recordId));
        return new Content(seen, store.content(recordId));
    }

    /**
     * Before the hand-back ({@code handBackRecords}) is recorded: the audio-video records J7 requires are there,
     * whoever completes the step (Huitong's API, Tasklist, the engine's REST API).
     */
    public void requireAudioVideo(String evaluationId, String centre) {
        Required required = required(evaluationId, centre);
        if (required.audioVideo() > required.handedBack()) {
            throw new ValidationException(List.of(Violation.of("records", AV_PER_SESSION, "J7", required.audioVideo(),
                    required.handedBack(), "须先上传本评标室的音视频记录：每场评标至少" + required.perSession() + "份，共"
                            + required.sessions() + "场，需" + required.audioVideo() + "份，已上传"
                            + required.handedBack() + "份（POST /api/remote-evaluations/{id}/records）",
                    "Upload your venue's audio-video records first: at least " + required.perSession()
                            + " per session, " + required.sessions() + " session(s), " + required.audioVideo()
                            + " needed, " + required.handedBack() + " uploaded")));
        }
    }

    /** What J7 asks of a partner's records, and how many audio-video records it has uploaded. */
    public record Required(int sessions, int perSession, int audioVideo, int handedBack) {
    }

    Required required(String evaluationId, String centre) {
        RemoteRecords.Evaluation e = remote.get(evaluationId);
        Set<String> committeeDraws = draws.draws(evaluationId).stream().filter(d -> "COMMITTEE".equals(d.purpose()))
                .map(RemoteRecords.Draw::id).collect(Collectors.toSet());
        Set<String> sat = remote.seats(evaluationId).stream()
                .filter(s -> s.centreCode().equals(centre) && s.signedInAt() != null && s.drawId() != null)
                .map(RemoteRecords.Seat::drawId).collect(Collectors.toSet());
        int sessions = (int) sat.stream().filter(committeeDraws::contains).count();
        if (sessions == 0 && !sat.isEmpty()) {
            sessions = 1;
        }
        int perSession = perSession(e);
        int uploaded = (int) store.records(evaluationId).stream()
                .filter(r -> r.centre().equals(centre) && AUDIO_VIDEO.equals(r.kind())).count();
        return new Required(sessions, perSession, sessions * perSession, uploaded);
    }

    /** The figure of the tender's rule-set version; a version from before it was configured reads the active one. */
    private int perSession(RemoteRecords.Evaluation e) {
        Parameters parameters = ruleSets.version(tenders.get(e.tenderId()).ruleSetVersion()).policy().parameters();
        if (!parameters.has(AV_PER_SESSION)) {
            parameters = ruleSets.active().policy().parameters();
        }
        BigDecimal value = parameters.on(tenders.get(e.tenderId()).bidDeadlineDate()).amount(AV_PER_SESSION);
        return value.intValueExact();
    }

    /** The partner centre of the operator the record belongs to; 404 to anyone not taking part. */
    private String ownCentre(RemoteRecords.Evaluation e, String centre, Operator operator) {
        RemoteAccess.Access access = access(e, operator);
        Set<String> partners = remote.partners(e.id()).stream().map(Partner::centreCode).collect(Collectors.toSet());
        List<String> mine = access.all() ? List.of() : access.centres().stream().filter(partners::contains).toList();
        if (centre != null && !centre.isBlank()) {
            if (!mine.contains(centre.strip())) {
                throw new AccessDeniedException("只能移交本中心的资料 / Only your own centre's records");
            }
            return centre.strip();
        }
        if (mine.size() != 1) {
            if (mine.isEmpty()) {
                throw new AccessDeniedException("只有副场移交资料 / Only a partner centre hands records back");
            }
            throw new ValidationException(List.of(Violation.of("centre", "validation.NotBlank", null, null, null,
                    "请写明资料属于哪一个中心", "Name the centre the records belong to")));
        }
        return mine.get(0);
    }

    private RemoteAccess.Access access(RemoteRecords.Evaluation e, Operator operator) {
        RemoteAccess.Access access = remoteAccess.access(e, operator);
        if (access.role().equals("NONE")) {
            throw new NotFoundException("没有该远程异地评标 / No remote evaluation " + e.id());
        }
        return access;
    }

    private ErrorResponseException tooLarge(long size) {
        ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "文件过大 / Too large",
                "单个文件不得超过 " + maxBytes + " 字节，较长的录像请分段上传 / A record is at most " + maxBytes
                        + " bytes: upload a longer recording in parts");
        problem.setProperty("violations", List.of(Violation.of("file", "huitong.remote.records.max-bytes", null,
                maxBytes, size, "文件过大", "The file is too large")));
        return new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
    }

    /** The file's own name, without any folder a client put before it. */
    private static String fileName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        if (base.isEmpty()) {
            base = "record";
        }
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    Map<String, List<Record>> byEvaluation(String tenderId) {
        return remote.ofTender(tenderId).stream().collect(Collectors.toMap(RemoteRecords.Evaluation::id,
                ev -> store.records(ev.id()), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    byte[] bytes(String recordId) {
        return store.content(recordId);
    }
}
