package io.huitong.registry;

import io.huitong.shared.web.ConflictException;

/**
 * An entity tried to change a record an authority confirmed: 409, naming the record's field and its source. The
 * entity asks the authority to correct it; a clerk's new check brings the correction in.
 */
public class AuthorityRecordConflict extends ConflictException {

    private final String field;
    private final Source source;
    private final String checkId;

    public AuthorityRecordConflict(String field, Source source, String checkId) {
        super(field + ": 该记录来自主管部门（" + source + "），主体不能修改或删除 / The record comes from an authority ("
                + source + ", check " + checkId + ") and cannot be changed or deleted by the entity");
        this.field = field;
        this.source = source;
        this.checkId = checkId;
    }

    public String field() {
        return field;
    }

    public Source source() {
        return source;
    }

    public String checkId() {
        return checkId;
    }
}
