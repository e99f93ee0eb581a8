package io.huitong.registry;

import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which rows of a personnel import are new (docs/registry.md): an entity's own declaration is keyed by certificate
 * number and employer, so one entity's declaration blocks no other's; an authority's record is one per certificate
 * number and wins over the entities' declarations (which the import then removes). Neither may repeat in the file.
 */
final class PersonKeys {

    private final Source source;
    private final Set<String> byAuthority = new HashSet<>();
    private final Set<String> declared = new HashSet<>();

    PersonKeys(JdbcClient jdbc, Source source) {
        this.source = source;
        jdbc.sql("select certificate_no, employer_code, source from registry_person").query(rs -> {
            if (Source.valueOf(rs.getString(3)).authority()) {
                byAuthority.add(rs.getString(1));
            } else {
                declared.add(rs.getString(1) + '\n' + rs.getString(2));
            }
        });
    }

    /** Why the row is refused, or null when its person is new (and from now on is not) or a value is missing. */
    String refuse(Object certificateNo, Object employerCode) {
        if (certificateNo == null || employerCode == null) {
            return null;
        }
        if (source.authority()) {
            return byAuthority.add((String) certificateNo) ? null
                    : "主管部门已登记该证书，或在文件中重复 / already registered by an authority, or twice in the file";
        }
        if (byAuthority.contains((String) certificateNo)) {
            return "主管部门已登记该证书 / registered by an authority: its record wins";
        }
        return declared.add(certificateNo + "\n" + employerCode) ? null
                : "该单位已登记该证书，或在文件中重复 / already registered with this employer, or twice in the file";
    }
}
