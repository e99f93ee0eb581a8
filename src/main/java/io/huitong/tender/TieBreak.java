package io.huitong.tender;

/**
 * How the tender documents decide between candidates ranked equal (评标办法中的并列处理方式). Under government
 * procurement, equal scores go first by price (O87 55) and only bids equal in score and price are decided by this
 * method, or by a recorded random draw where the documents state none (O87 68). Under the Tendering Law bids with
 * equal totals are decided by this method and never by lot (G1117 (二); docs/rules.md I5): a Tendering-Law
 * tender without one is refused at registration.
 */
public enum TieBreak {
    LOWER_EVALUATED_PRICE("评审价格低者优先", "the lower evaluated price first"),
    HIGHER_TECHNICAL_SCORE("技术得分高者优先", "the higher technical score first"),
    EARLIER_SUBMISSION("投标文件递交时间在先者优先", "the bid submitted earlier first");

    private final String zh;
    private final String en;

    TieBreak(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** The method in Chinese. */
    public String zh() {
        return zh;
    }

    /** The method in English. */
    public String en() {
        return en;
    }
}
