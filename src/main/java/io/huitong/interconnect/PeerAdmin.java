package io.huitong.interconnect;

import com.nimbusds.jose.jwk.JWK;
import io.huitong.shared.security.Operator;
import io.huitong.shared.signing.SignatureScheme;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an administrator does with peers and keys: registers a partner platform with the public keys exchanged when
 * the agreement was signed (out of band, e.g. read from the peer's {@code /interconnect/jwks.json} and compared by
 * thumbprint), adds or retires a peer's key by hand, and rotates this centre's own key ({@link KeyRotation}).
 */
@Component
public class PeerAdmin {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private final Peers peers;
    private final SignatureScheme scheme;
    private final KeyRotation rotation;
    private final CentreKeys keys;
    private final WallClock clock;
    private final TransactionTemplate transactions;
    private final String centre;

    PeerAdmin(Peers peers, SignatureScheme scheme, KeyRotation rotation, CentreKeys keys, WallClock clock,
            TransactionTemplate transactions, EnvelopeCodec codec) {
        this.peers = peers;
        this.scheme = scheme;
        this.rotation = rotation;
        this.keys = keys;
        this.clock = clock;
        this.transactions = transactions;
        this.centre = codec.centre();
    }

    /** A partner platform to register: its centre code, name, address, agreement and public keys (JWKs). */
    public record Registration(String centreCode, String name, String baseUrl, String agreement,
            List<Map<String, Object>> keys) {
    }

    public Peer register(Registration given, Operator operator) {
        List<Violation> problems = new ArrayList<>();
        if (given.centreCode() == null || !CODE.matcher(given.centreCode()).matches()) {
            problems.add(Violation.of("centreCode", "validation.Pattern", null, CODE.pattern(), given.centreCode(),
                    "中心代码为1至32位字母、数字或连字符", "A centre code is 1 to 32 letters, digits or hyphens"));
        } else if (given.centreCode().equals(centre)) {
            problems.add(Violation.of("centreCode", "validation.NotSelf", null, null, given.centreCode(),
                    "不能把本中心登记为协作平台", "This centre is not its own peer"));
        }
        if (given.name() == null || given.name().isBlank() || given.name().length() > 200) {
            problems.add(Violation.of("name", "validation.Size", null, 200, given.name(), "请填写平台名称（200字以内）",
                    "Give the platform's name (up to 200 characters)"));
        }
        if (!httpUrl(given.baseUrl())) {
            problems.add(Violation.of("baseUrl", "validation.URL", null, null, given.baseUrl(),
                    "地址须为 http(s):// 开头的网址", "The address is an http(s):// URL"));
        }
        List<JWK> parsed = new ArrayList<>();
        if (given.keys() == null || given.keys().isEmpty()) {
            problems.add(Violation.of("keys", "validation.NotEmpty", null, null, null, "请至少提供一个公钥",
                    "Give at least one public key"));
        } else {
            for (int i = 0; i < given.keys().size(); i++) {
                JWK key = publicKey(given.keys().get(i), "keys[" + i + "]", problems);
                if (key != null) {
                    parsed.add(key);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return transactions.execute(s -> {
            if (peers.isPeer(given.centreCode())) {
                throw new ConflictException("该协作平台已登记 / The peer is registered already: " + given.centreCode());
            }
            peers.insert(given.centreCode(), given.name(), given.baseUrl(), given.agreement(), clock.now(),
                    operator.userId());
            parsed.forEach(k -> peers.addKey(given.centreCode(), k, clock.now(), operator.userId()));
            return peers.get(given.centreCode());
        });
    }

    public Peer addKey(String centreCode, Map<String, Object> jwk, Operator operator) {
        List<Violation> problems = new ArrayList<>();
        JWK key = publicKey(jwk, "jwk", problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return transactions.execute(s -> {
            peers.get(centreCode);
            if (!peers.addKey(centreCode, key, clock.now(), operator.userId())) {
                throw new ConflictException("该公钥已登记 / The key is registered already: " + key.getKeyID());
            }
            return peers.get(centreCode);
        });
    }

    public Peer retireKey(String centreCode, String keyId) {
        return transactions.execute(s -> {
            Peer peer = peers.get(centreCode);
            if (peer.keys().stream().noneMatch(k -> k.keyId().equals(keyId) && k.valid())) {
                throw new ConflictException("该公钥不存在或已停用 / No such key in use: " + keyId);
            }
            if (peer.keys().stream().filter(Peer.Key::valid).count() == 1) {
                throw new ConflictException("协作平台须至少保留一个有效公钥 / A peer keeps at least one valid key");
            }
            peers.retireKey(centreCode, keyId, clock.now());
            return peers.get(centreCode);
        });
    }

    /** This centre's keys: each public key with its state, and for a staged one the peers yet to acknowledge it. */
    public List<Map<String, Object>> ownKeys() {
        return keys.history().getKeys().stream().map(k -> {
            String state = k.getKeyID().equals(keys.activeKeyId()) ? "ACTIVE"
                    : keys.isRetired(k.getKeyID()) ? "RETIRED" : "STAGED";
            return Map.<String, Object>of("keyId", k.getKeyID(), "state", state, "jwk", k.toJSONObject(),
                    "thumbprint", thumbprint(k), "awaiting",
                    "STAGED".equals(state) ? rotation.unacknowledged(k.getKeyID()) : List.of());
        }).toList();
    }

    public Map<String, Object> stageKey(Operator operator) {
        JWK key = rotation.stage(operator);
        return Map.of("keyId", key.getKeyID(), "state", "STAGED", "jwk", key.toJSONObject(), "thumbprint",
                thumbprint(key));
    }

    public void activateKey(String keyId, boolean force) {
        rotation.activate(keyId, force);
    }

    public void retireOwnKey(String keyId) {
        rotation.retire(keyId);
    }

    private JWK publicKey(Map<String, Object> given, String field, List<Violation> problems) {
        try {
            JWK key = JWK.parse(given);
            if (key.isPrivate()) {
                problems.add(Violation.of(field, "validation.PublicKey", null, null, key.getKeyID(),
                        "只登记公钥，不要提交私钥", "Register public keys only: never send a private key"));
            } else if (!scheme.accepts(key) || key.getKeyID() == null) {
                problems.add(Violation.of(field, "validation.Jwk", null, scheme.algorithm().getName(), key.getKeyID(),
                        "须为带密钥标识（kid）的 " + scheme.algorithm() + " 公钥",
                        "A public " + scheme.algorithm() + " key with a key id (kid)"));
            } else {
                return key;
            }
        } catch (ParseException | RuntimeException e) {
            problems.add(Violation.of(field, "validation.Jwk", null, null, null, "不是有效的公钥（JWK）",
                    "Not a public key (JWK)"));
        }
        return null;
    }

    private static String thumbprint(JWK key) {
        try {
            return key.computeThumbprint().toString();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = url == null ? null : URI.create(url);
            return uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && url.length() <= 500;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
