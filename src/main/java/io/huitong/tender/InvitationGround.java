package io.huitong.tender;

/** The two cases in which a must-tender, state-funded project may invite instead of tendering openly (TBR 8). */
public enum InvitationGround {
    /** 技术复杂、有特殊要求或者受自然环境限制，只有少量潜在投标人可供选择. */
    TECHNICAL_COMPLEXITY_OR_FEW_SUPPLIERS,
    /** 采用公开招标方式的费用占项目合同金额的比例过大. */
    DISPROPORTIONATE_COST
}
