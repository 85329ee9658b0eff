package org.cristal.library.audience;

import java.util.ArrayList;
import java.util.List;

/** Cuts a segment expression into words, quoted texts, operators and parentheses, each with its column. */
final class SegmentLexer {
    enum Kind { WORD, TEXT, OPERATOR, OPEN, CLOSE, COMMA, END }

    /**
     * One piece of the expression. {@code column} counts from 1; {@code length} is what it spans in the
     * source (quotes included).
     */
    record Token(Kind kind, String text, int column, int length) {
        boolean is(Kind k) {
            return kind == k;
        }

        /** A bare word equal to one of {@code words}, without regard to case or accents. */
        boolean isWord(String... words) {
            if (kind != Kind.WORD) {
                return false;
            }
            String f = Folding.fold(text);
            for (String w : words) {
                if (f.equals(w)) {
                    return true;
                }
            }
            return false;
        }
    }

    private SegmentLexer() {
    }

    static List<Token> tokens(String source) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char ch = source.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '(') {
                out.add(new Token(Kind.OPEN, "(", i + 1, 1));
                i++;
            } else if (ch == ')') {
                out.add(new Token(Kind.CLOSE, ")", i + 1, 1));
                i++;
            } else if (ch == ',' || ch == ';') {
                out.add(new Token(Kind.COMMA, String.valueOf(ch), i + 1, 1));
                i++;
            } else if (ch == '"' || ch == '\'' || ch == '«' || ch == '“') {
                i = quoted(source, i, out);
            } else if (ch == '=' || ch == '<' || ch == '>' || ch == '!' || ch == '≠' || ch == '≤' || ch == '≥') {
                int start = i;
                i++;
                boolean pair = ch == '<' || ch == '>' || ch == '!' || ch == '=';
                if (pair && i < n && (source.charAt(i) == '=' || ch == '<' && source.charAt(i) == '>')) {
                    i++;
                }
                String op = switch (source.substring(start, i)) {
                    case "<>", "≠" -> "!=";
                    case "≤" -> "<=";
                    case "≥" -> ">=";
                    case "==" -> "=";
                    default -> source.substring(start, i);
                };
                out.add(new Token(Kind.OPERATOR, op, start + 1, i - start));
            } else {
                int start = i;
                while (i < n && wordChar(source.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    // A character that starts nothing: kept as a word of its own, the parser says it is unexpected.
                    i++;
                }
                out.add(new Token(Kind.WORD, source.substring(start, i), start + 1, i - start));
            }
        }
        out.add(new Token(Kind.END, "", n + 1, 1));
        return out;
    }

    private static boolean wordChar(char ch) {
        return !Character.isWhitespace(ch) && "()\",;=<>!≠≤≥«»“”".indexOf(ch) < 0;
    }

    /** A quoted text: "…", '…', «…» or “…”; the quote doubled stands for itself inside ("say ""hi"""). */
    private static int quoted(String source, int open, List<Token> out) {
        char q = source.charAt(open);
        char close = q == '«' ? '»' : q == '“' ? '”' : q;
        StringBuilder text = new StringBuilder();
        int i = open + 1;
        while (i < source.length()) {
            char ch = source.charAt(i);
            if (ch == close) {
                if (close == q && i + 1 < source.length() && source.charAt(i + 1) == q) {
                    text.append(q);
                    i += 2;
                    continue;
                }
                out.add(new Token(Kind.TEXT, text.toString().strip(), open + 1, i + 1 - open));
                return i + 1;
            }
            text.append(ch);
            i++;
        }
        throw new SegmentException(open + 1, source.length() - open, "audience.segment.error.unclosedQuote", open + 1);
    }
}
