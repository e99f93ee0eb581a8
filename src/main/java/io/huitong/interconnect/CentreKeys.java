package io.huitong.interconnect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.huitong.shared.signing.SignatureScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This centre's signing keys for peer platforms, in a key file outside the code (a JWK set with private parts,
 * {@code huitong.interconnect.key-file}). One key is active and signs; a new key is first staged (published and
 * announced to every peer, not yet signing), then activated once every peer has it, and the old one retired: two
 * keys are valid at once and nothing stops. With {@code huitong.interconnect.generate-keys} (the demo profile) a
 * missing file is made with a new key.
 */
@Component
public class CentreKeys {

    private static final Logger log = LoggerFactory.getLogger(CentreKeys.class);

    private final Path file;
    private final SignatureScheme scheme;
    private final ObjectMapper json;
    private final List<JWK> keys = new ArrayList<>();
    private final Set<String> retired = new LinkedHashSet<>();
    private String active;

    CentreKeys(@Value("${huitong.interconnect.key-file:${huitong.data-dir}/centre-keys.json}") Path file,
            @Value("${huitong.interconnect.generate-keys:false}") boolean generate, SignatureScheme scheme,
            ObjectMapper json) {
        this.file = file;
        this.scheme = scheme;
        this.json = json;
        if (Files.exists(file)) {
            read();
        } else if (generate) {
            JWK first = scheme.generate(newKeyId());
            keys.add(first);
            active = first.getKeyID();
            write();
            log.info("made a new centre signing key {} in {}", active, file);
        }
    }

    /** Whether this centre can sign messages to peers. */
    public synchronized boolean configured() {
        return active != null;
    }

    /** The key that signs (private). */
    synchronized JWK active() {
        if (active == null) {
            throw new IllegalStateException("no centre signing key: set huitong.interconnect.key-file (README, "
                    + "\"Connecting two centres\")");
        }
        return key(active).orElseThrow();
    }

    synchronized String activeKeyId() {
        return active;
    }

    /** The public keys peers may check against: the active and staged ones, not the retired. */
    public synchronized JWKSet published() {
        return new JWKSet(keys.stream().filter(k -> !retired.contains(k.getKeyID())).map(JWK::toPublicJWK).toList());
    }

    /** Every public key this centre ever signed with, retired ones included: archives verify with them. */
    public synchronized JWKSet history() {
        return new JWKSet(keys.stream().map(JWK::toPublicJWK).toList());
    }

    /** A new key, published but not yet signing; returns its public part. */
    synchronized JWK stage() {
        JWK key = scheme.generate(newKeyId());
        keys.add(key);
        write();
        return key.toPublicJWK();
    }

    synchronized void activate(String keyId) {
        if (key(keyId).isEmpty() || retired.contains(keyId)) {
            throw new IllegalArgumentException(keyId);
        }
        active = keyId;
        write();
    }

    synchronized void retire(String keyId) {
        if (keyId.equals(active) || key(keyId).isEmpty()) {
            throw new IllegalArgumentException(keyId);
        }
        retired.add(keyId);
        write();
    }

    synchronized boolean isStaged(String keyId) {
        return key(keyId).isPresent() && !retired.contains(keyId) && !keyId.equals(active);
    }

    synchronized boolean isRetired(String keyId) {
        return retired.contains(keyId);
    }

    synchronized Optional<JWK> key(String keyId) {
        return keys.stream().filter(k -> k.getKeyID().equals(keyId)).findFirst();
    }

    private static String newKeyId() {
        return Instant.now().toString().substring(0, 10) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void read() {
        try {
            ObjectNode root = (ObjectNode) json.readTree(file.toFile());
            JWKSet set = JWKSet.parse(json.writeValueAsString(Map.of("keys", root.get("keys"))));
            for (JWK key : set.getKeys()) {
                if (!key.isPrivate() || !scheme.accepts(key)) {
                    throw new IllegalStateException(file + ": key " + key.getKeyID() + " is not a private "
                            + scheme.algorithm() + " key");
                }
                keys.add(key);
            }
            active = root.path("active").asText(null);
            root.path("retired").forEach(r -> retired.add(r.asText()));
            if (active == null || key(active).isEmpty()) {
                throw new IllegalStateException(file + ": \"active\" names no key of the file");
            }
        } catch (IOException | ParseException e) {
            throw new IllegalStateException(file + " is not a centre key file: " + e.getMessage(), e);
        }
    }

    private void write() {
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("keys");
        for (JWK key : keys) {
            list.add(json.valueToTree(key.toJSONObject()));
        }
        root.put("active", active);
        ArrayNode gone = root.putArray("retired");
        retired.forEach(gone::add);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "centre-keys", ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), root);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
