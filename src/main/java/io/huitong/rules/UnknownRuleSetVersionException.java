package io.huitong.rules;

import io.huitong.shared.web.NotFoundException;

/** No rule-set version of that id is stored. */
public class UnknownRuleSetVersionException extends NotFoundException {

    public UnknownRuleSetVersionException(String version) {
        super("规则集版本不存在 / No rule-set version " + version);
    }
}
