package org.cristal.library;

/**
 * A cheap Markdown-to-text pass for the search index: keeps the words a reader sees, drops the
 * syntax, so snippets read like prose ("une croûte plus épaisse") rather than markup. One pass over
 * the characters, no parser and no regular expressions: it runs on every save and on bulk imports
 * of 100,000 stories (a regex version cost more than the SQLite insert).
 */
final class PlainText {
    private PlainText() {
    }

    static String fromMarkdown(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length());
        int pos = 0;
        int n = markdown.length();
        while (pos < n) {
            int eol = markdown.indexOf('\n', pos);
            if (eol < 0) {
                eol = n;
            }
            int start = lineStart(markdown, pos, eol);
            if (start < eol) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                inline(markdown, start, eol, out);
            }
            pos = eol + 1;
        }
        return collapse(out);
    }

    /** Where the text of a line starts once block markers are skipped; {@code end} for lines with no text. */
    private static int lineStart(String s, int from, int end) {
        int i = skipBlanks(s, from, end);
        if (i >= end) {
            return end;
        }
        if (s.startsWith("```", i) || s.startsWith("~~~", i) || isRule(s, i, end)) {
            return end;
        }
        boolean again = true;
        while (again && i < end) {
            again = false;
            char c = s.charAt(i);
            if (c == '>') {
                i = skipBlanks(s, i + 1, end);
                again = true;
            } else if (c == '#') {
                int j = i;
                while (j < end && s.charAt(j) == '#') {
                    j++;
                }
                if (j - i <= 6 && (j == end || s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                    i = skipBlanks(s, j, end);
                }
            } else if ((c == '-' || c == '*' || c == '+') && i + 1 < end && (s.charAt(i + 1) == ' '
                    || s.charAt(i + 1) == '\t')) {
                i = skipBlanks(s, i + 1, end);
                if (i + 2 < end && s.charAt(i) == '[' && s.charAt(i + 2) == ']' && " xX".indexOf(s.charAt(i + 1)) >= 0) {
                    i = skipBlanks(s, i + 3, end);
                }
                again = true;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < end && j - i < 9 && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                if (j + 1 < end && (s.charAt(j) == '.' || s.charAt(j) == ')') && s.charAt(j + 1) == ' ') {
                    i = skipBlanks(s, j + 1, end);
                }
            }
        }
        return i;
    }

    private static boolean isRule(String s, int i, int end) {
        char c = s.charAt(i);
        if (c != '-' && c != '*' && c != '_') {
            return false;
        }
        int count = 0;
        for (int j = i; j < end; j++) {
            char d = s.charAt(j);
            if (d == c) {
                count++;
            } else if (d != ' ' && d != '\t' && d != '\r') {
                return false;
            }
        }
        return count >= 3;
    }

    private static int skipBlanks(String s, int i, int end) {
        while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    /** Copies a line's text, turning {@code ![alt](src)} into alt, {@code [text](url)} into text, dropping markup. */
    private static void inline(String s, int from, int end, StringBuilder out) {
        int i = from;
        while (i < end) {
            char c = s.charAt(i);
            switch (c) {
                case '*', '`', '|', '\r' -> i++;
                case '~' -> i += (i + 1 < end && s.charAt(i + 1) == '~') ? 2 : 1;
                case '_' -> {
                    if (i + 1 < end && s.charAt(i + 1) == '_') {
                        i += 2;
                    } else {
                        out.append(c);
                        i++;
                    }
                }
                case '!' -> {
                    if (i + 1 < end && s.charAt(i + 1) == '[') {
                        i++;
                    } else {
                        out.append(c);
                        i++;
                    }
                }
                case ']' -> {
                    // "](url)" after a link text: skip the destination.
                    if (i + 1 < end && s.charAt(i + 1) == '(') {
                        int close = s.indexOf(')', i + 2);
                        i = close < 0 || close > end ? i + 1 : close + 1;
                    } else {
                        i++;
                    }
                }
                case '[' -> i++;
                case '<' -> {
                    int close = s.indexOf('>', i + 1);
                    if (close > i + 1 && close < end && isTagStart(s.charAt(i + 1))) {
                        boolean autolink = s.startsWith("http", i + 1) || s.startsWith("mailto:", i + 1);
                        if (autolink) {
                            out.append(s, i + 1, close);
                        } else {
                            out.append(' ');
                        }
                        i = close + 1;
                    } else {
                        out.append(c);
                        i++;
                    }
                }
                default -> {
                    out.append(c);
                    i++;
                }
            }
        }
    }

    private static boolean isTagStart(char c) {
        return c == '/' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String collapse(StringBuilder b) {
        StringBuilder out = new StringBuilder(b.length());
        boolean space = true;
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c == ' ' || c == '\t') {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
            } else {
                out.append(c);
                space = false;
            }
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(len - 1);
        }
        return out.toString();
    }
}
