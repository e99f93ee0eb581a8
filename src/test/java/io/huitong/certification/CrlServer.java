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

    void publish(byte[] crl) {
        this.crl = crl;
    }

    void stop() {
        server.stop(0);
    }
}
