package io.huitong.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import io.huitong.registry.AuthorityProvider.Answer;
import io.huitong.registry.AuthorityProvider.AuthorityException;
import io.huitong.registry.AuthorityProvider.Message;
import io.huitong.registry.AuthorityProvider.Request;
import io.huitong.shared.signing.SignedMessages;
import java.text.ParseException;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The messages of a check: the request signed with the centre's key, the answer checked against the gateway's key and
 * against the request (same request id, same entity) before it is believed. Both providers speak it.
 */
@Component
class AuthorityExchange {

    private final AuthorityKeys keys;
    private final ObjectMapper json;
    private final Clock clock;

    AuthorityExchange(AuthorityKeys keys, ObjectMapper json, Clock clock) {
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    /** A new request, asked now. */
    Request request(CheckKind kind, String creditCode) {
        return new Request(UUID.randomUUID().toString(), kind, creditCode, clock.instant());
    }

    String sign(Request request) {
        requireConfigured();
        return SignedMessages.sign(json, request, keys.centre());
    }

    /** The answer, if it is the gateway's and about this request; what it says, read by {@code finding}. */
    <T> Answer<T> read(Request request, String signedRequest, String raw, Function<Message, T> finding) {
        Message message;
        try {
            message = SignedMessages.verify(json, raw == null ? "" : raw, keys.gateway(), Message.class);
        } catch (SecurityException e) {
            throw new AuthorityException("主管部门的答复签名无效 / The authority's answer is not validly signed", e);
        }
        if (!request.requestId().equals(message.requestId()) || !request.creditCode().equals(message.creditCode())) {
            throw new AuthorityException("主管部门的答复与请求不符 / The authority's answer is not about this request",
                    null);
        }
        return new Answer<>(request.kind().authority(), signedRequest, raw, signature(raw),
                message.found() ? finding.apply(message) : null);
    }

    ObjectMapper json() {
        return json;
    }

    void requireConfigured() {
        if (!keys.configured()) {
            throw new AuthorityException("未配置主管部门数据接口密钥 huitong.registry.authority.* / The authority "
                    + "gateway's keys are not configured", null);
        }
    }

    /** The key id, algorithm and signature value of a JWS, as a check shows them. */
    private static String signature(String raw) {
        try {
            JWSObject jws = JWSObject.parse(raw.strip());
            return "kid=" + jws.getHeader().getKeyID() + ";alg=" + jws.getHeader().getAlgorithm() + ";sig="
                    + jws.getSignature();
        } catch (ParseException e) {
            throw new AuthorityException("主管部门的答复不是签名消息 / The authority's answer is not a signed message", e);
        }
    }
}
