package io.huitong.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * The rule rows of a decision table of {@code rules/}, read as its author reads them: by column title (the row under
 * the code, "rule", "citation", "length" ...), each with its row number, so tests can be generated from the table.
 */
public final class DecisionTableRows {

    private DecisionTableRows() {
    }

    /** One rule row: its row number (1-based, as a spreadsheet shows it) and its cells by column title. */
    public record Row(int row, Map<String, String> cells) {

        public String get(String title) {
            String value = cells.get(title);
            if (value == null) {
                throw new IllegalArgumentException("no column '" + title + "' in " + cells.keySet());
            }
            return value.strip();
        }

        public boolean has(String title) {
            return !get(title).isEmpty();
        }

        public String rule() {
            return get("rule");
        }

        @Override
        public String toString() {
            return "row " + row + " " + rule();
        }
    }

    /** The rows under the titles row (whose first cell is "rule") up to the first empty row. */
    public static List<Row> of(String table) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("rules", table));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CsvLineParser parser = new CsvLineParser();
        List<String> titles = null;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                if (titles != null) {
                    break;
                }
                continue;
            }
            List<String> cells = parser.parse(lines.get(i));
            if (titles == null) {
                if (!cells.isEmpty() && cells.get(0).strip().equals("rule")) {
                    titles = cells.stream().map(String::strip).toList();
                }
                continue;
            }
            Map<String, String> byTitle = new LinkedHashMap<>();
            for (int c = 0; c < titles.size(); c++) {
                byTitle.put(titles.get(c), c < cells.size() ? cells.get(c) : "");
            }
            rows.add(new Row(i + 1, byTitle));
        }
        if (titles == null || rows.isEmpty()) {
            throw new IllegalStateException("rules/" + table + " has no titles row starting with 'rule' or no rows");
        }
        return rows;
    }
}
