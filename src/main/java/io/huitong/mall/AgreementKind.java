package io.huitong.mall;

/** The two kinds of framework agreement (O110; docs/rules.md N2). */
public enum AgreementKind {
    /** 封闭式: suppliers admitted by a public first-stage competition; none join later. */
    CLOSED,
    /** 开放式: the conditions and price are published; any supplier meeting them joins during the term. */
    OPEN
}
