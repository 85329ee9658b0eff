package org.cristal.library.audience;

import java.util.ArrayList;
import java.util.List;
import org.cristal.library.WorkspaceException;

/**
 * Splits CSV text into rows (RFC 4180: quoted fields may hold separators, doubled quotes and line breaks),
 * each with the physical line of the file it starts on, so that the report can say "line 12" and the user
 * finds it in a text editor even when earlier rows hold quoted line breaks.
 */
public final class CsvRows {
    /** One row: the line it starts on (1 = the first line of the file) and its cells. */
    public record Row(int line, List<String> cells) {
        public String cell(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private CsvRows() {
    }

    /** @throws WorkspaceException {@code audience.import.error.malformed} with the line of the faulty quote */
    public static List<Row> parse(String text, char separator) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int quoteLine = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    // After a closing quote only a separator or the end of the line may come.
                    if (i < n && text.charAt(i) != separator && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        throw new WorkspaceException("audience.import.error.malformed", line);
                    }
                    continue;
                }
                if (ch == '\n') {
                    line++;
                }
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                    line++;
                    cell.append('\n');
                } else {
                    cell.append(ch == '\r' ? '\n' : ch);
                }
                i++;
                continue;
            }
            if (ch == '"' && cell.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                quoteLine = line;
                cell.setLength(0);
                i++;
            } else if (ch == separator) {
                cells.add(finish(cell, wasQuoted));
                wasQuoted = false;
                i++;
            } else if (ch == '\n' || ch == '\r') {
                cells.add(finish(cell, wasQuoted));
                wasQuoted = false;
                rows.add(new Row(rowLine, List.copyOf(cells)));
                cells.clear();
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                i++;
                line++;
                rowLine = line;
            } else {
                cell.append(ch);
                i++;
            }
        }
        if (quoted) {
            throw new WorkspaceException("audience.import.error.malformed", quoteLine);
        }
        if (cell.length() > 0 || !cells.isEmpty() || wasQuoted) {
            cells.add(finish(cell, wasQuoted));
            rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        return rows;
    }

    private static String finish(StringBuilder cell, boolean quoted) {
        String s = quoted ? cell.toString() : cell.toString().strip();
        cell.setLength(0);
        return s;
    }
}
