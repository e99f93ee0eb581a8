package io.huitong.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.archive.ArchiveContribution;
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
    private final io.huitong.interconnect.PeerExchange exchange;
    private final io.huitong.interconnect.Inbox inbox;
    private final io.huitong.interconnect.CentreKeys keys;
    private final io.huitong.interconnect.Peers peers;

    RemoteArchive(RemoteEvaluations evaluations, RecordsHandBack records, ObjectMapper json,
            io.huitong.interconnect.PeerExchange exchange, io.huitong.interconnect.Inbox inbox,
            io.huitong.interconnect.CentreKeys keys, io.huitong.interconnect.Peers peers) {
        this.evaluations = evaluations;
        this.records = records;
        this.json = json;
        this.exchange = exchange;
        this.inbox = inbox;
        this.keys = keys;
        this.peers = peers;
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
        evaluations.ofTender(tenderId).forEach(e -> messages(e.id(), files));
        return files;
    }

    /**
     * The messages exchanged with partners on other platforms about the evaluation, each in the signed form that
     * was delivered or received, with the public keys that verify them (this centre's, ever used; each peer's):
     * whoever holds the package checks every signature with any JOSE library, without asking either platform.
     */
    private void messages(String evaluationId, Map<String, byte[]> files) {
        List<Map<String, Object>> sent = exchange.sentAbout(evaluationId).stream().filter(m -> m.signed() != null)
                .map(m -> Map.<String, Object>of("id", m.id(), "to", m.peer(), "type", m.type(), "signed", m.signed(),
                        "outcome", m.deliveredAt() != null ? "DELIVERED" : "REFUSED"))
                .toList();
        List<Map<String, Object>> received = inbox.receivedAbout(evaluationId).stream()
                .map(m -> Map.<String, Object>of("id", m.id(), "from", m.peer(), "type", m.type(), "signed", m.signed(),
                        "outcome", m.outcome().name()))
                .toList();
        if (sent.isEmpty() && received.isEmpty()) {
            return;
        }
        Map<String, Object> keyring = new LinkedHashMap<>();
        keyring.put("self", keys.history().toJSONObject(true));
        java.util.Set<String> codes = new java.util.TreeSet<>();
        sent.forEach(m -> codes.add((String) m.get("to")));
        received.forEach(m -> codes.add((String) m.get("from")));
        Map<String, Object> peerKeys = new LinkedHashMap<>();
        codes.forEach(code -> peers.find(code).ifPresent(p -> peerKeys.put(code, p.keys().stream()
                .map(k -> k.jwk()).toList())));
        keyring.put("peers", peerKeys);
        String folder = "remote/" + evaluationId + "/messages/";
        try {
            files.put(folder + "sent.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(sent));
            files.put(folder + "received.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(received));
            files.put(folder + "keys.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(keyring));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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
        return folder + "records/" + r.id() + "-" + r.name();
    }
}
