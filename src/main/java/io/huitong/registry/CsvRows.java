package io.huitong.registry;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it: fields separated by commas, a field in double quotes may hold commas, line breaks
 * and doubled quotes; lines end in LF or CRLF; a byte-order mark at the start is skipped. Records are numbered from 1
 * (the header).
 */
final class CsvRows implements AutoCloseable {

    private final Reader in;
    private final StringBuilder field = new StringBuilder();
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
        List<String> fields = new ArrayList<>();
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
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(value(wasQuoted));
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
                field.append((char) c);
            }
            c = read();
        }
        fields.add(value(wasQuoted));
        return fields.toArray(String[]::new);
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
