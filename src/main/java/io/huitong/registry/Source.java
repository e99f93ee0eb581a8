package io.huitong.registry;

/**
 * Where a registry record comes from: declared by the entity itself, or confirmed by an authority (with the check
 * that produced it). An entity edits and deletes only its own declarations.
 */
public enum Source {
    /** Declared by the entity (自行申报). */
    SELF,
    /** 市场监督管理总局: business registration (统一社会信用代码, name, type, legal representative). */
    SAMR,
    /** 住房和城乡建设部: construction qualifications (资质) and registered personnel (注册人员). */
    MOHURD;

    public boolean authority() {
        return this != SELF;
    }
}
