package io.huitong.mall;

/** How a supplier is chosen for one order under an agreement (O110; docs/rules.md N6). */
public enum SecondStage {
    /** 直接选定: the purchaser (or the person served) chooses. */
    DIRECT,
    /** 二次竞价: the admitted suppliers compete again above the amount the agreement sets. */
    SECONDARY_COMPETITION,
    /** 顺序轮候: in turn, for some services. */
    ROTATION
}
