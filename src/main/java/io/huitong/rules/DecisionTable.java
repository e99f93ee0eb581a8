package io.huitong.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.RuleSheetListener;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.template.model.DRLOutput;

/**
 * A Drools decision table in CSV ({@code rules/**}{@code /*.csv}) turned into DRL, one rule a row, and the way back
 * from a line of that DRL to the row a rule author edits: the compiler reports a problem of a table at its row.
 * The header rows (RuleSet, Import, RuleTable, the column kinds, object types and code) follow the Drools decision
 * table format; rule authors edit the rows under the column titles. Only the listener of the Drools parser is used,
 * fed with the text already read (UTF-8), so no spreadsheet library is needed and the platform charset never
 * matters.
 *
 * <p>One check Drools does not make: a condition whose code takes no value ({@code exists MustTender()}) is
 * switched on by {@code yes} (or 是) in its cell, and anything else there is refused, so that a "no" is not read as
 * a yes.
 */
final class DecisionTable {

    /** "// rule values at", then the cell of the rule's NAME column (column letters, row number): its row. */
    private static final Pattern RULE_VALUES_AT = Pattern.compile("^// rule values at ([A-Z]+)(\\d+)");
    /** A cell named in a parser message: column letters and row number. */
    private static final Pattern CELL = Pattern.compile("\\b([A-Z]{1,3})(\\d+)\\b");
    private static final Set<String> YES = Set.of("yes", "是", "y", "x", "true");
    private static final String RULE_TABLE = "ruletable";

    /** The DRL of a table and, for each of its lines (0-based), the table row it comes from (1-based; 0: none). */
    record Compiled(RuleSource drl, int[] rows) {

        /** The table row of a DRL line (1-based), or the row of the table's header for lines outside a rule. */
        int row(int drlLine) {
            return drlLine >= 1 && drlLine <= rows.length ? rows[drlLine - 1] : 0;
        }
    }

    private DecisionTable() {
    }

    /** The table as DRL, under the table's own path; or null, with its problems added, when it cannot be read. */
    static Compiled compile(RuleSource table, List<RuleProblem> problems) {
        String[] lines = table.content().replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<List<String>> cells = new ArrayList<>();
        CsvLineParser parser = new CsvLineParser();
        for (String line : lines) {
            cells.add(line.isBlank() ? List.of() : parser.parse(line));
        }
        int before = problems.size();
        checkFlags(table, cells, problems);
        if (problems.size() > before) {
            return null;
        }
        String drl;
        try {
            DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
            listener.startSheet("csv");
            for (int row = 0; row < cells.size(); row++) {
                List<String> values = cells.get(row);
                listener.newRow(row, values.size());
                for (int column = 0; column < values.size(); column++) {
                    String value = values.get(column);
                    boolean merged = value.endsWith("...");
                    listener.newCell(row, column, merged ? value.substring(0, value.length() - 3) : value,
                            merged ? column : RuleSheetListener.NON_MERGED);
                }
            }
            listener.finishSheet();
            DRLOutput out = new DRLOutput();
            listener.getRuleSet().renderDRL(out);
            drl = out.getDRL();
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            Matcher at = CELL.matcher(message);
            int row = at.find() ? Integer.parseInt(at.group(2)) : 0;
            int column = row > 0 ? columnNumber(at.group(1)) : 0;
            problems.add(new RuleProblem(table.path(), row, column, "decision table: " + message));
            return null;
        }
        if (!drl.contains("\nrule ")) {
            problems.add(new RuleProblem(table.path(), 0, 0, "decision table without rules: a table starts with a "
                    + "'RuleTable' cell, then the rows of column kinds, object types, code and titles, then one row a "
                    + "rule"));
            return null;
        }
        return new Compiled(new RuleSource(table.path(), drl), rows(drl, headerRow(cells)));
    }

    /** For each DRL line, the row of the rule it belongs to; lines before the first rule belong to the header. */
    private static int[] rows(String drl, int headerRow) {
        String[] lines = drl.split("\n", -1);
        int[] rows = new int[lines.length];
        int row = headerRow;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE_VALUES_AT.matcher(lines[i].strip());
            if (m.find()) {
                row = Integer.parseInt(m.group(2));
            }
            rows[i] = row;
        }
        return rows;
    }

    /** The row (1-based) of the RuleSet and Import cells, where a header problem (an import) is to be fixed. */
    private static int headerRow(List<List<String>> cells) {
        for (int row = 0; row < cells.size(); row++) {
            if (!cells.get(row).isEmpty() && cells.get(row).get(0).strip().equalsIgnoreCase("import")) {
                return row + 1;
            }
        }
        return 1;
    }

    /**
     * A condition whose code takes no value is a yes-or-empty column: refuses any other value with row and column.
     * The rows of a table: "RuleTable" at r, kinds at r+1, object types at r+2, code at r+3, titles at r+4, rules
     * from r+5 to the first empty row.
     */
    private static void checkFlags(RuleSource table, List<List<String>> cells, List<RuleProblem> problems) {
        for (int start = 0; start < cells.size(); start++) {
            List<String> first = cells.get(start);
            int at = indexOfRuleTable(first);
            if (at < 0 || start + 4 >= cells.size()) {
                continue;
            }
            List<String> kinds = cells.get(start + 1);
            List<String> code = cells.get(start + 3);
            List<String> titles = cells.get(start + 4);
            for (int row = start + 5; row < cells.size() && !cells.get(row).isEmpty(); row++) {
                List<String> values = cells.get(row);
                for (int column = at; column < values.size(); column++) {
                    String value = values.get(column).strip();
                    if (value.isEmpty() || !"CONDITION".equalsIgnoreCase(cell(kinds, column))
                            || cell(code, column).contains("$")) {
                        continue;
                    }
                    if (!YES.contains(value.toLowerCase(Locale.ROOT))) {
                        problems.add(new RuleProblem(table.path(), row + 1, column + 1, "column '"
                                + cell(titles, column) + "' is a condition that holds or not: write 'yes' (是) or "
                                + "leave the cell empty, found '" + value + "'"));
                    }
                }
            }
        }
    }

    private static int indexOfRuleTable(List<String> row) {
        for (int i = 0; i < row.size(); i++) {
            if (row.get(i).strip().toLowerCase(Locale.ROOT).startsWith(RULE_TABLE)) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() ? row.get(column).strip() : "";
    }

    /** "A" → 1, "AB" → 28. */
    private static int columnNumber(String letters) {
        int n = 0;
        for (char c : letters.toCharArray()) {
            n = n * 26 + (c - 'A' + 1);
        }
        return n;
    }
}
