package io.huitong.registry;

import io.huitong.shared.web.ConflictException;

/**
 * An entity tried to delete an assignment as project manager it declared, or to change what it declared other than
 * the project's completion and stop: 409, naming the field. The assignment is a fact the O2 rule decides on (a
 * manager of a works project in progress manages no other, docs/rules.md O2); once declared it is kept.
 */
public class AssignmentKept extends ConflictException {

    public static final String CITATION = "注册建造师执业管理办法(试行) 9; docs/rules.md O2";

    private final String field;

    public AssignmentKept(String field, String zh, String en) {
        super(field + ": " + zh + " / " + en);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
