package io.huitong.shared.audit;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Appends audit entries. */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String operator, String address, String method, String path, int status, String detail) {
        jdbc.sql("""
                insert into audit_entry (at, operator, address, method, path, status, detail)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), operator, address, method, truncate(path, 1000), status,
                        truncate(detail, 2000))
                .update();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
