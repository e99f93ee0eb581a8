package io.huitong.tender;

/** What is procured: 工程 works, 货物 goods, 服务 services. */
public enum Category {
    WORKS, GOODS, SERVICES
}
