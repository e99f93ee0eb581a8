package io.huitong.registry;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it: fields separated by commas, a field in double quotes may hold commas, line breaks
 * and doubled quotes; lines end in LF or CRLF; a byte-order mark at the start is skipped. Records are numbered from 1
 * (the header).
 *
 * <p>A field keeps at most {@value #MAX_FIELD_CHARS} characters and a record at most {@value #MAX_FIELDS} fields: what
 * is beyond is read and dropped, never buffered (one quoted field may span a whole upload), and the record is marked
 * with its {@link #overflow()}, for the reader to report as a bad row.
 */
final class CsvRows implements AutoCloseable {

    /** The longest field kept, in characters; the longest column of any import is far shorter. */
    static final int MAX_FIELD_CHARS = 4096;
    /** The most fields a record may have; every import has fewer columns. */
    static final int MAX_FIELDS = 64;

    /** A record too large to keep: the field (from 0) where it went beyond a limit, and why. */
    record Overflow(int field, String reason) {

        /** The header's name of the field, or its place ([1] is the first) beyond the header. */
        String column(String[] header) {
            return header != null && field < header.length && header[field] != null ? header[field].strip()
                    : "[" + (field + 1) + "]";
        }
    }

    private final Reader in;
    private final StringBuilder field = new StringBuilder();
    private final List<String> fields = new ArrayList<>();
    private int fieldCount;
    private Overflow overflow;
    private long row;
    private int peeked = -2;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;

    CsvRows(Reader in) {
        this.in = in;
    }

    /** The number of the record last read (the header is 1). */
    long row() {
        return row;
    }

    /** The next record's fields, or null at the end. An unterminated quote ends the record at the end of input. */
    String[] next() throws IOException {
        int c = read();
        if (row == 0 && c == '\uFEFF') {
            c = read();
        }
        if (c == -1) {
            return null;
        }
        row++;
        fields.clear();
        fieldCount = 0;
        overflow = null;
        field.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    break;
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    append(c);
                }
            } else if (c == ',') {
                add(wasQuoted);
                wasQuoted = false;
            } else if (c == '\n' || c == -1) {
                break;
            } else if (c == '\r') {
                int n = read();
                if (n != '\n') {
                    unread(n);
                }
                break;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                append(c);
            }
            c = read();
        }
        add(wasQuoted);
        return fields.toArray(String[]::new);
    }

    /**
     * Why the record last read is too large to keep (its fields are then cut), or null: the first field longer than
     * {@value #MAX_FIELD_CHARS} characters, or the first field beyond {@value #MAX_FIELDS}.
     */
    Overflow overflow() {
        return overflow;
    }

    private void append(int c) {
        if (field.length() < MAX_FIELD_CHARS) {
            field.append((char) c);
        } else if (overflow == null) {
            overflow = new Overflow(fieldCount, "字段超过 " + MAX_FIELD_CHARS + " 个字符 / a field longer than "
                    + MAX_FIELD_CHARS + " characters");
        }
    }

    private void add(boolean wasQuoted) {
        String v = value(wasQuoted);
        if (fieldCount < MAX_FIELDS) {
            fields.add(v);
        } else if (overflow == null) {
            overflow = new Overflow(fieldCount, "字段超过 " + MAX_FIELDS + " 个 / more than " + MAX_FIELDS
                    + " fields in a row");
        }
        fieldCount++;
    }

    /** A field as read; an empty field that was not quoted is null. */
    private String value(boolean wasQuoted) {
        String v = field.toString();
        field.setLength(0);
        return v.isEmpty() && !wasQuoted ? null : v;
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private void unread(int c) {
        peeked = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
