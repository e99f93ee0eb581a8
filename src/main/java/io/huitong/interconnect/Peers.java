package io.huitong.interconnect;

import com.nimbusds.jose.jwk.JWK;
import io.huitong.shared.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The partner platforms this deployment knows, and their public keys, in the database. */
@Repository
public class Peers {

    private final JdbcClient jdbc;

    Peers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Peer> all() {
        return jdbc.sql("select centre_code from peer order by centre_code").query(String.class).list().stream()
                .map(code -> find(code).orElseThrow()).toList();
    }

    public boolean isPeer(String centreCode) {
        return centreCode != null
                && jdbc.sql("select count(*) from peer where centre_code = ?").param(centreCode).query(Long.class)
                        .single() > 0;
    }

    public Optional<Peer> find(String centreCode) {
        return jdbc.sql("select * from peer where centre_code = ?").param(centreCode)
                .query((rs, i) -> new Peer(rs.getString("centre_code"), rs.getString("name"), rs.getString("base_url"),
                        rs.getString("agreement"), rs.getTimestamp("created_at").toInstant(), keys(centreCode)))
                .optional();
    }

    public Peer get(String centreCode) {
        return find(centreCode).orElseThrow(() -> new NotFoundException("没有该协作平台 / No peer platform "
                + centreCode));
    }

    List<Peer.Key> keys(String centreCode) {
        return jdbc.sql("select * from peer_key where centre_code = ? order by added_at, key_id").param(centreCode)
                .query((rs, i) -> new Peer.Key(rs.getString("key_id"), rs.getString("jwk"),
                        rs.getTimestamp("added_at").toInstant(), rs.getString("added_by"),
                        rs.getTimestamp("retired_at") == null ? null : rs.getTimestamp("retired_at").toInstant()))
                .list();
    }

    void insert(String code, String name, String baseUrl, String agreement, Instant at, String by) {
        jdbc.sql("insert into peer (centre_code, name, base_url, agreement, created_at, created_by) "
                + "values (?, ?, ?, ?, ?, ?)").params(code, name, baseUrl, agreement, Timestamp.from(at), by).update();
    }

    void update(String code, String name, String baseUrl, String agreement) {
        jdbc.sql("update peer set name = ?, base_url = ?, agreement = ? where centre_code = ?")
                .params(name, baseUrl, agreement, code).update();
    }

    /** Adds a public key; a key id the peer already has is left as it is (an announcement delivered twice). */
    boolean addKey(String code, JWK publicKey, Instant at, String by) {
        if (jdbc.sql("select count(*) from peer_key where centre_code = ? and key_id = ?")
                .params(code, publicKey.getKeyID()).query(Long.class).single() > 0) {
            return false;
        }
        jdbc.sql("insert into peer_key (centre_code, key_id, jwk, added_at, added_by) values (?, ?, ?, ?, ?)")
                .params(code, publicKey.getKeyID(), publicKey.toPublicJWK().toJSONString(), Timestamp.from(at), by)
                .update();
        return true;
    }

    boolean retireKey(String code, String keyId, Instant at) {
        return jdbc.sql("update peer_key set retired_at = ? where centre_code = ? and key_id = ? and retired_at is null")
                .params(Timestamp.from(at), code, keyId).update() > 0;
    }
}
