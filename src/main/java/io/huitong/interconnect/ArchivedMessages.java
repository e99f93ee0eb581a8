package io.huitong.interconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import io.huitong.shared.signing.SignatureScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The messages exchanged with other platforms about one subject (an evaluation), as an archive keeps them: each in
 * the signed form that was delivered or received ({@code sent.json}, {@code received.json}), with the public keys
 * that verify them ({@code keys.json}: this centre's, every key it ever signed with; each peer's). Whoever holds the
 * package checks every signature with any JOSE library, without asking either platform; {@link #verify} is that check.
 */
@Component
public class ArchivedMessages {

    static final String SENT = "sent.json";
    static final String RECEIVED = "received.json";
    static final String KEYS = "keys.json";

    /** What a check found: how many signatures verified, and each problem with the file it concerns. */
    public record Check(int verified, List<Finding> problems) {
    }

    public record Finding(String path, String problem) {
    }

    private final PeerExchange exchange;
    /** Lazily: the inbox's handlers (the partner's venue) archive through this class. */
    private final ObjectProvider<Inbox> inbox;
    private final CentreKeys keys;
    private final Peers peers;
    private final ObjectMapper json;
    private final SignatureScheme scheme;

    ArchivedMessages(PeerExchange exchange, ObjectProvider<Inbox> inbox, CentreKeys keys, Peers peers, ObjectMapper json,
            SignatureScheme scheme) {
        this.exchange = exchange;
        this.inbox = inbox;
        this.keys = keys;
        this.peers = peers;
        this.json = json;
        this.scheme = scheme;
    }

    /** Whether a message about the subject to {@code peer} is still on its way (its signed form is not final yet). */
    public boolean pending(String subject, String peer) {
        return exchange.sentAbout(subject).stream().anyMatch(m -> peer.equals(m.peer()) && !m.settled());
    }

    /**
     * The files for {@code folder} (ending with "/"): the messages about the subject to and from {@code peer}, or to
     * and from any peer when it is null; none when nothing was exchanged.
     */
    public Map<String, byte[]> files(String subject, String peer, String folder) {
        List<Map<String, Object>> sent = exchange.sentAbout(subject).stream()
                .filter(m -> m.signed() != null && (peer == null || peer.equals(m.peer())))
                .map(m -> Map.<String, Object>of("id", m.id(), "to", m.peer(), "type", m.type(), "signed", m.signed(),
                        "outcome", m.deliveredAt() != null ? "DELIVERED" : "REFUSED"))
                .toList();
        List<Map<String, Object>> received = inbox.getObject().receivedAbout(subject).stream()
                .filter(m -> peer == null || peer.equals(m.peer()))
                .map(m -> Map.<String, Object>of("id", m.id(), "from", m.peer(), "type", m.type(), "signed", m.signed(),
                        "outcome", m.outcome().name()))
                .toList();
        if (sent.isEmpty() && received.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> keyring = new LinkedHashMap<>();
        keyring.put("centre", exchange.centre());
        keyring.put("self", keys.history().toJSONObject(true));
        Set<String> codes = new TreeSet<>();
        sent.forEach(m -> codes.add((String) m.get("to")));
        received.forEach(m -> codes.add((String) m.get("from")));
        Map<String, Object> peerKeys = new LinkedHashMap<>();
        codes.forEach(code -> peers.find(code).ifPresent(p -> peerKeys.put(code, p.keys().stream()
                .map(k -> read(k.jwk().getBytes(java.nio.charset.StandardCharsets.UTF_8))).toList())));
        keyring.put("peers", peerKeys);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(folder + SENT, write(sent));
        files.put(folder + RECEIVED, write(received));
        files.put(folder + KEYS, write(keyring));
        return files;
    }

    /**
     * Checks every message under each folder of {@code files} that holds a {@code keys.json}: its signature against
     * the key it names (this centre's keys for what it sent, the sender's for what it received), that the key is one
     * this platform knows (a package whose keys were swapped, messages re-signed with them, does not verify here),
     * and that the signed payload is the message listed (id, sender, addressee, type) about the subject expected for
     * the folder ({@code subjectOf}, null: any).
     */
    public Check verify(Map<String, byte[]> files, java.util.function.UnaryOperator<String> subjectOf) {
        int verified = 0;
        List<Finding> problems = new ArrayList<>();
        // each signer's keys as this platform knows them, read once per signer
        Map<String, java.util.Set<String>> peerKnown = new java.util.HashMap<>();
        java.util.Set<String> ownKnown = thumbprints(keys.history().getKeys());
        for (String keysPath : files.keySet().stream().filter(p -> p.endsWith("/" + KEYS) || p.equals(KEYS))
                .toList()) {
            String folder = keysPath.substring(0, keysPath.length() - KEYS.length());
            JsonNode ring = read(files.get(keysPath));
            if (ring == null) {
                problems.add(new Finding(keysPath, "密钥文件不是有效的JSON / the key file is not JSON"));
                continue;
            }
            String self = ring.path("centre").asText(null);
            String subject = subjectOf.apply(folder);
            Map<String, JWK> own = keysOf(ring.path("self").path("keys"));
            for (JsonNode m : array(files, folder + SENT, problems)) {
                verified += check(folder + SENT, m, own, ownKnown, self, m.path("to").asText(), subject, problems)
                        ? 1 : 0;
            }
            for (JsonNode m : array(files, folder + RECEIVED, problems)) {
                String from = m.path("from").asText();
                Map<String, JWK> theirs = keysOf(ring.path("peers").path(from));
                java.util.Set<String> known = peerKnown.computeIfAbsent(from, this::knownKeysOf);
                verified += check(folder + RECEIVED, m, theirs, known, from, self, subject, problems) ? 1 : 0;
            }
        }
        return new Check(verified, problems);
    }

    /** The thumbprints of every key this platform holds for the peer, retired ones too. */
    private java.util.Set<String> knownKeysOf(String peer) {
        return peers.find(peer).map(p -> thumbprints(p.keys().stream().map(k -> {
            try {
                return JWK.parse(k.jwk());
            } catch (ParseException e) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).toList())).orElse(java.util.Set.of());
    }

    private static java.util.Set<String> thumbprints(List<JWK> keys) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (JWK k : keys) {
            try {
                out.add(k.computeThumbprint().toString());
            } catch (JOSEException e) {
                // a key without a thumbprint matches nothing
            }
        }
        return out;
    }

    private boolean check(String path, JsonNode listed, Map<String, JWK> keyring, java.util.Set<String> known,
            String from, String to, String subject, List<Finding> problems) {
        String id = listed.path("id").asText();
        try {
            JWSObject jws = JWSObject.parse(listed.path("signed").asText());
            JWK key = keyring.get(jws.getHeader().getKeyID());
            if (key == null || !scheme.accepts(key)) {
                problems.add(new Finding(path, "消息" + id + "的签名密钥不在包内 / message " + id + ": its key "
                        + jws.getHeader().getKeyID() + " is not in the package (or not a key of its scheme)"));
                return false;
            }
            if (!known.contains(key.computeThumbprint().toString())) {
                problems.add(new Finding(path, "消息" + id + "的签名密钥不是本平台所知的密钥 / message " + id
                        + ": its key " + key.getKeyID() + " is not one this platform knows for the signer"));
                return false;
            }
            if (!jws.verify(scheme.verifier(key))) {
                problems.add(new Finding(path, "消息" + id + "的签名无效 / message " + id + ": the signature does not verify"));
                return false;
            }
            JsonNode payload = json.readTree(jws.getPayload().toString());
            if (!id.equals(payload.path("id").asText()) || !String.valueOf(from).equals(payload.path("from").asText())
                    || !String.valueOf(to).equals(payload.path("to").asText())
                    || !listed.path("type").asText().equals(payload.path("type").asText())
                    || subject != null && !subject.equals(payload.path("subject").asText())) {
                problems.add(new Finding(path, "消息" + id + "的签名内容与所列不符 / message " + id
                        + ": the signed message is not the one listed (id, sender, addressee, type or subject)"));
                return false;
            }
            return true;
        } catch (ParseException | JOSEException | IOException | RuntimeException e) {
            problems.add(new Finding(path, "消息" + id + "无法核验 / message " + id + " cannot be checked: "
                    + e.getMessage()));
            return false;
        }
    }

    private List<JsonNode> array(Map<String, byte[]> files, String path, List<Finding> problems) {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            problems.add(new Finding(path, "缺少消息文件 / the message file is missing"));
            return List.of();
        }
        JsonNode node = read(bytes);
        if (node == null || !node.isArray()) {
            problems.add(new Finding(path, "消息文件不是JSON数组 / not a JSON array of messages"));
            return List.of();
        }
        List<JsonNode> all = new ArrayList<>();
        node.forEach(all::add);
        return all;
    }

    private Map<String, JWK> keysOf(JsonNode list) {
        Map<String, JWK> byId = new LinkedHashMap<>();
        list.forEach(k -> {
            try {
                JWK jwk = JWK.parse(k.isTextual() ? k.asText() : k.toString());
                byId.put(jwk.getKeyID(), jwk);
            } catch (ParseException e) {
                // a key that does not parse verifies nothing: the messages it signed are reported
            }
        });
        return byId;
    }

    private JsonNode read(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private byte[] write(Object value) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
