package io.huitong.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.archive.ArchiveContribution;
import io.huitong.archive.ArchiveVerification;
import io.huitong.remote.PartnerRecordStore.Record;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The records partners handed back (J7: "统一归档") go into the tender's archive package: each file under
 * {@code remote/<evaluation>/records/}, with {@code records.json} naming its centre, venue, type, uploader, time and
 * the SHA-256 taken at upload — the manifest lists the same hash, so the archive's verification covers them. A
 * tender whose partners are still handing back is not packed yet (the package is written once). The messages
 * exchanged with partners on other platforms go in too, signed, with the keys that verify them.
 */
@Component
class RemoteArchive implements ArchiveContribution {

    private final RemoteEvaluations evaluations;
    private final RecordsHandBack records;
    private final ObjectMapper json;
    private final io.huitong.interconnect.ArchivedMessages messages;

    RemoteArchive(RemoteEvaluations evaluations, RecordsHandBack records, ObjectMapper json,
            io.huitong.interconnect.ArchivedMessages messages) {
        this.evaluations = evaluations;
        this.records = records;
        this.json = json;
        this.messages = messages;
    }

    @Override
    public Optional<String> pending(String tenderId) {
        boolean handingBack = evaluations.ofTender(tenderId).stream()
                .anyMatch(e -> e.status() == RemoteRecords.Status.CONFIRMED);
        return handingBack ? Optional.of("副场尚未全部移交远程异地评标资料，待移交后统一归档 (J7) / The partners are still "
                + "handing back the records of the remote evaluation: the archive is written once they have")
                : Optional.empty();
    }

    @Override
    public Map<String, byte[]> files(String tenderId) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        records.byEvaluation(tenderId).forEach((evaluationId, list) -> {
            if (list.isEmpty()) {
                return;
            }
            String folder = "remote/" + evaluationId + "/";
            List<Map<String, Object>> listed = list.stream().map(r -> entry(folder, r)).toList();
            try {
                files.put(folder + "records.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(listed));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            list.forEach(r -> files.put(path(folder, r), records.bytes(r.id())));
        });
        evaluations.ofTender(tenderId).forEach(e -> files.putAll(messages.files(e.id(), null,
                "remote/" + e.id() + "/messages/")));
        return files;
    }

    /**
     * Checks the signature of every message exchanged with other platforms that the package holds, against the keys
     * it holds: the archive verifies on its own.
     */
    @Override
    public int check(Map<String, byte[]> files, List<ArchiveVerification.Problem> problems) {
        // remote/<evaluation>/messages/: every message there is about that evaluation
        io.huitong.interconnect.ArchivedMessages.Check check = messages.verify(files, folder -> {
            String[] parts = folder.split("/");
            return parts.length >= 2 && parts[0].equals("remote") ? parts[1] : null;
        });
        check.problems().forEach(p -> problems.add(new ArchiveVerification.Problem(p.path(), p.problem())));
        return check.verified();
    }

    private static Map<String, Object> entry(String folder, Record r) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", r.id());
        e.put("path", path(folder, r));
        e.put("centre", r.centre());
        e.put("venueId", r.venueId());
        e.put("kind", r.kind());
        e.put("name", r.name());
        e.put("contentType", r.contentType());
        e.put("bytes", r.bytes());
        e.put("sha256", r.sha256());
        e.put("uploadedBy", r.uploadedBy());
        e.put("uploadedAt", r.uploadedAt().toString());
        return e;
    }

    private static String path(String folder, Record r) {
        return folder + "records/" + r.id() + "-" + io.huitong.archive.ArchiveZip.safeName(r.name());
    }
}
