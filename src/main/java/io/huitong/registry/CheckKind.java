package io.huitong.registry;

/** The registers a clerk can have an entity checked against, and the authority that keeps each. */
public enum CheckKind {
    /** Identity and business registration (营业执照): name, type, legal representative, region. */
    BUSINESS_REGISTRATION(Source.SAMR),
    /** Construction qualifications (建筑业企业资质). */
    QUALIFICATIONS(Source.MOHURD),
    /** Registered personnel employed by the entity (注册人员). */
    PERSONNEL(Source.MOHURD);

    private final Source authority;

    CheckKind(Source authority) {
        this.authority = authority;
    }

    public Source authority() {
        return authority;
    }

    /** The path of the register at the gateway. */
    String path() {
        return "/" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
