package io.huitong.archive;

import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ArchivePackages {

    private final JdbcClient jdbc;

    ArchivePackages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the package unless the tender has one already: an archive is written once. */
    boolean insert(ArchivePackage p) {
        if (find(p.tenderId()).isPresent()) {
            return false;
        }
        jdbc.sql("""
                insert into tender_archive (tender_id, created_at, created_by, package, package_sha256,
                    manifest_sha256, bytes) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(p.tenderId(), Timestamp.from(p.createdAt()), p.createdBy(), p.content(), p.packageSha256(),
                        p.manifestSha256(), p.bytes())
                .update();
        return true;
    }

    Optional<ArchivePackage> find(String tenderId) {
        return jdbc.sql("select * from tender_archive where tender_id = ?").param(tenderId)
                .query((rs, i) -> new ArchivePackage(rs.getString("tender_id"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                        rs.getBytes("package"), rs.getString("package_sha256"), rs.getString("manifest_sha256"),
                        rs.getLong("bytes")))
                .optional();
    }
}
