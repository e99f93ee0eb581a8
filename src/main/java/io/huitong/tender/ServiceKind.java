package io.huitong.tender;

/** Services that MT16 Art 5 names (勘察、设计、监理) and the rest. */
public enum ServiceKind {
    SURVEY_DESIGN_SUPERVISION, OTHER
}
