package io.huitong.certification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/** A CA's published CRL on a loopback HTTP server: whatever {@link #publish} set last, at any path (404 before). */
final class CrlServer {

    private final HttpServer server;
    private volatile byte[] crl;

    CrlServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = crl;
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    /** The CRL distribution point to write into certificates. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/crl";
    }

    /**
     * A CA (valid 2020–2034) publishing its CRL here, put on the platform's trust list as {@code id} and recognised in
     * Henan (41) from 2025-01-01.
     */
    TestCa listedCa(TrustList trustList, String id, TestCa.Algorithm algorithm) throws Exception {
        TestCa ca = new TestCa(id, algorithm, java.time.Instant.parse("2020-01-01T00:00:00Z"),
                java.time.Instant.parse("2035-01-01T00:00:00Z"), url());
        trustList.add(id, "测试 CA", Pem.of(ca.certificate), "test");
        trustList.recognise(id, "41", java.time.LocalDate.of(2025, 1, 1), null, "test", "test");
        return ca;
    }

    void publish(byte[] crl) {
        this.crl = crl;
    }

    void stop() {
        server.stop(0);
    }
}
