package org.cristal.ui.editor;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cristal.story.Finding;

/**
 * A finding about a word of the story text, as the editor underlines it: the editor's line (the body
 * only, the front matter is in the form), the words as written, and what may replace them.
 *
 * @param line        1-based line of the editor where the finding's paragraph starts
 * @param word        the text found, as the check quoted it
 * @param suggestions replacements to offer, best first (may be empty)
 * @param kind        what kind of check found it (decides the underline's colour)
 */
public record Mark(int line, String word, List<String> suggestions, Kind kind) {
    public enum Kind {
        SPELLING("mark-spelling"), GRAMMAR("mark-grammar"), VOICE("mark-voice");

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    public Mark {
        suggestions = List.copyOf(suggestions);
    }

    /**
     * The line of the editor a finding is about: findings count the lines of the story file, front
     * matter included, and the editor shows the body alone, which starts at file line {@code bodyLine}.
     * 0 when the finding has no line or is about the front matter.
     */
    public static int editorLine(Finding f, int bodyLine) {
        return f.hasLine() && f.line() >= bodyLine ? f.line() - bodyLine + 1 : 0;
    }

    /** The mark for a spelling, grammar, typography or brand-voice finding in the body; empty for others. */
    public static Optional<Mark> of(Finding f, int bodyLine) {
        int line = editorLine(f, bodyLine);
        if (line == 0 || f.args().isEmpty() || !(f.args().get(0) instanceof String word) || word.isBlank()) {
            return Optional.empty();
        }
        String code = f.code();
        // The checks put the quoted words first and, where they have any, the replacements second.
        return switch (code) {
            case "check.spelling", "check.grammar" -> Optional.of(new Mark(line, word, joined(f, 1),
                    code.equals("check.spelling") ? Kind.SPELLING : Kind.GRAMMAR));
            case "check.spelling.unknown" -> Optional.of(new Mark(line, word, List.of(), Kind.SPELLING));
            case "check.typography" -> Optional.of(new Mark(line, word, joined(f, 1), Kind.GRAMMAR));
            case "check.grammar.note", "check.typography.note" ->
                    Optional.of(new Mark(line, word, List.of(), Kind.GRAMMAR));
            case "check.voice.bannedUse", "check.voice.preferred" ->
                    Optional.of(new Mark(line, word, single(f, 1), Kind.VOICE));
            case "check.voice.banned" -> Optional.of(new Mark(line, word, List.of(), Kind.VOICE));
            default -> Optional.empty();
        };
    }

    /** The marks of a list of findings. */
    public static List<Mark> of(List<Finding> findings, int bodyLine) {
        return findings.stream().map(f -> of(f, bodyLine)).flatMap(Optional::stream).toList();
    }

    private static List<String> joined(Finding f, int index) {
        if (f.args().size() <= index || !(f.args().get(index) instanceof String s) || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(", ")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static List<String> single(Finding f, int index) {
        return f.args().size() > index && f.args().get(index) instanceof String s && !s.isBlank()
                ? List.of(s.strip()) : List.of();
    }
}
