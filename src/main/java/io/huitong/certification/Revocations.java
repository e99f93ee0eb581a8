package io.huitong.certification;

import io.huitong.shared.Digests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Revocation by CRL: the list named by the certificate's CRL Distribution Points, fetched over HTTP, checked against
 * its issuer's key and kept until its nextUpdate (at most {@link #CACHE_SIZE} of them, by address and issuer key).
 * Only certificates already chained to a CA of the trust list are looked up, so the platform fetches only addresses a
 * recognised CA wrote; each fetch has one deadline and stops reading at {@link #MAX_CRL_BYTES}, and what an address
 * answered is logged, never told to the caller (no probe of addresses through the platform).
 */
@Component
public class Revocations {

    private static final Logger log = LoggerFactory.getLogger(Revocations.class);
    /** A CRL larger than this is not read. */
    static final int MAX_CRL_BYTES = 20 * 1024 * 1024;

    /** What the CRL says of one certificate at one time. */
    record Status(boolean checked, String problem, boolean revoked, Instant revokedAt) {

        static Status unavailable(String problem) {
            return new Status(false, problem, false, null);
        }
    }

    /** The most CRLs kept in memory (the least recently used goes first). */
    static final int CACHE_SIZE = 256;
    /** What the answer says when a CRL cannot be had: the address and the reason go to the log only. */
    static final String UNAVAILABLE = "CRL 不可用 / CRL unavailable";

    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Cache cache = new Cache(CACHE_SIZE);
    /** The whole of one fetch, from connecting to the last byte. */
    volatile Duration deadline = Duration.ofSeconds(20);
    /** The largest CRL read; reading stops there. */
    volatile int maxBytes = MAX_CRL_BYTES;

    public Revocations(Clock clock) {
        this.clock = clock;
    }

    /**
     * The CRLs kept, by address and the SHA-256 of the issuer's public key (two CAs of one name never share an
     * entry), at most {@code size} of them, the least recently used dropped first.
     */
    static final class Cache {

        private final Map<String, X509CRLHolder> entries;

        Cache(int size) {
            this.entries = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, X509CRLHolder> eldest) {
                    return size() > size;
                }
            });
        }

        static String key(String url, X509CertificateHolder issuer) {
            try {
                return Digests.sha256Hex(issuer.getSubjectPublicKeyInfo().getEncoded()) + " " + url;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        X509CRLHolder get(String key) {
            return entries.get(key);
        }

        void put(String key, X509CRLHolder crl) {
            entries.put(key, crl);
        }

        int size() {
            return entries.size();
        }
    }

    /** Whether {@code cert}, issued by {@code issuer}, was revoked on or before {@code at}. */
    Status check(X509CertificateHolder cert, X509CertificateHolder issuer, Instant at) {
        List<String> urls;
        try {
            urls = CertificateExtensions.of(cert).crlUrls();
        } catch (RuntimeException e) {
            // read and checked on the way in; should a stored certificate be malformed, it is not checked
            log.info("CRL distribution points of {} not readable: {}", cert.getSubject(), e.getMessage());
            return Status.unavailable(UNAVAILABLE);
        }
        if (urls.isEmpty()) {
            return Status.unavailable("证书没有 CRL 分发点 / the certificate names no CRL distribution point");
        }
        for (String url : urls) {
            try {
                X509CRLHolder crl = crl(url, issuer);
                X509CRLEntryHolder entry = crl.getRevokedCertificate(cert.getSerialNumber());
                if (entry == null) {
                    return new Status(true, null, false, null);
                }
                Instant revokedAt = entry.getRevocationDate().toInstant();
                return new Status(true, null, !revokedAt.isAfter(at), revokedAt);
            } catch (IOException | RuntimeException e) {
                // the address and what it answered stay here: the caller learns only that no CRL could be had
                log.info("CRL {} not usable: {}", url, e.getMessage());
            }
        }
        return Status.unavailable(UNAVAILABLE);
    }

    /** The CRL of the address: the one kept while before its nextUpdate, else fetched and checked anew. */
    private X509CRLHolder crl(String url, X509CertificateHolder issuer) throws IOException {
        Instant now = clock.instant();
        String key = Cache.key(url, issuer);
        X509CRLHolder kept = cache.get(key);
        if (kept != null && kept.getNextUpdate() != null && now.isBefore(kept.getNextUpdate().toInstant())) {
            return kept;
        }
        X509CRLHolder crl = fetch(url);
        if (!crl.getIssuer().equals(issuer.getSubject())) {
            throw new IOException("CRL 的签发者不是证书的签发者 / the CRL's issuer is " + crl.getIssuer());
        }
        try {
            if (!crl.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Pem.BC).build(issuer))) {
                throw new IOException("CRL 签名无效 / the CRL's signature does not verify");
            }
        } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.cert.CertException
                | java.security.cert.CertificateException e) {
            throw new IOException("CRL 签名无法验证 / the CRL's signature cannot be checked: " + e.getMessage(), e);
        }
        if (crl.getNextUpdate() != null && !now.isBefore(crl.getNextUpdate().toInstant())) {
            throw new IOException("CRL 已过期 / the CRL's nextUpdate " + crl.getNextUpdate().toInstant() + " has passed");
        }
        if (crl.getNextUpdate() != null) {
            cache.put(key, crl);
        }
        return crl;
    }

    /** Kept CRLs (for the tests). */
    int cached() {
        return cache.size();
    }

    private X509CRLHolder fetch(String url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(deadline).GET().build();
        int cap = maxBytes;
        CompletableFuture<HttpResponse<byte[]>> sent = http.sendAsync(request,
                info -> info.statusCode() == 200 ? new Capped(cap) : HttpResponse.BodySubscribers.replacing(null));
        HttpResponse<byte[]> response;
        try {
            // one deadline for the whole: a server trickling its body is cut off as one that never answers
            response = sent.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw new IOException("no complete answer within " + deadline, e);
        } catch (ExecutionException e) {
            throw new IOException(String.valueOf(e.getCause()), e.getCause());
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        byte[] body = response.body();
        if (body.length > 0 && body[0] == '-') {
            try (PEMParser pem = new PEMParser(new InputStreamReader(new ByteArrayInputStream(body),
                    StandardCharsets.US_ASCII))) {
                if (pem.readObject() instanceof X509CRLHolder crl) {
                    return crl;
                }
                throw new IOException("不是 CRL / not a CRL");
            }
        }
        try {
            return new X509CRLHolder(body);
        } catch (IOException | RuntimeException e) {
            throw new IOException("无法读取 CRL / not a CRL: " + e.getMessage(), e);
        }
    }

    /** A body read up to a cap: one byte more and the reading stops, the connection given up. */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {

        private final int cap;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        Capped(int cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (read.size() + buffer.remaining() > cap) {
                    subscription.cancel();
                    body.completeExceptionally(new IOException("CRL 过大 / CRL over " + cap + " bytes"));
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                read.writeBytes(bytes);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(read.toByteArray());
        }
    }
}
