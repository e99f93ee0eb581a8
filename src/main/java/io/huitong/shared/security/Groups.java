package io.huitong.shared.security;

/** The Camunda groups Huitong's roles are made of; Spring authorities are {@code GROUP_<id>}. */
public final class Groups {

    public static final String ADMIN = "camunda-admin";
    public static final String REGISTRATION_CLERK = "registration-clerk";
    /** Clerks who run a tender's steps: opening, committee, archive (交易中心经办人). */
    public static final String CENTRE_CLERK = "centre-clerk";
    /** Evaluation experts (评标专家). */
    public static final String EVALUATION_EXPERT = "evaluation-expert";
    public static final String CENTRE_DIRECTOR = "centre-director";
    public static final String SUPERVISOR = "supervisor";
    public static final String FINANCE_DEPARTMENT = "finance-department";
    public static final String PROJECT_APPROVAL_AUTHORITY = "project-approval-authority";
    public static final String PURCHASER = "purchaser";
    /** Bidders, through their portals (投标人). */
    public static final String BIDDER = "bidder";
    public static final String RULE_AUTHOR = "rule-author";
    public static final String PROCESS_DESIGNER = "process-designer";
    /** Scrapes /actuator/prometheus (a monitoring system's account). */
    public static final String MONITORING = "monitoring";

    static final String AUTHORITY_PREFIX = "GROUP_";

    private Groups() {
    }

    static String authority(String group) {
        return AUTHORITY_PREFIX + group;
    }

    static String[] authorities(String... groups) {
        String[] result = new String[groups.length];
        for (int i = 0; i < groups.length; i++) {
            result[i] = authority(groups[i]);
        }
        return result;
    }
}
