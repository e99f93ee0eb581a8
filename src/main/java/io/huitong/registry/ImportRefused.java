package io.huitong.registry;

import java.util.List;

/** A file refused whole, nothing imported: the bad rows (the first {@value RegistryImport#MAX_ERRORS}) and how many. */
public class ImportRefused extends RuntimeException {

    /** One bad row: its number (the header is row 1), the column, the value given and why it is refused. */
    public record RowError(long row, String field, String value, String reason) {
    }

    private final ImportKind kind;
    private final List<RowError> errors;
    private final long errorCount;

    public ImportRefused(ImportKind kind, List<RowError> errors, long errorCount) {
        super(errorCount + " bad row(s) in the " + kind + " file, the first: row " + errors.get(0).row() + " "
                + errors.get(0).field() + ": " + errors.get(0).reason());
        this.kind = kind;
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    public ImportKind kind() {
        return kind;
    }

    public List<RowError> errors() {
        return errors;
    }

    public long errorCount() {
        return errorCount;
    }
}
