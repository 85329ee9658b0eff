package org.cristal.library;

import org.cristal.story.Status;
import org.cristal.story.Story;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;
import org.cristal.story.StoryWriter;

/**
 * Changes one front-matter field in a story's text while leaving every other byte as the author
 * wrote it (comments, key order, quoting, line endings). Rewriting the whole file with
 * {@link StoryWriter} is the fallback when the line cannot be found safely.
 */
final class FrontMatterEdit {
    private FrontMatterEdit() {
    }

    static String withStatus(String source, Status status) throws StoryFormatException {
        String edited = editStatusLine(source, status);
        Story check = StoryParser.parse("", edited);
        if (check.status() == status) {
            return edited;
        }
        return StoryWriter.write(StoryParser.parse("", source).withStatus(status));
    }

    private static String editStatusLine(String source, Status status) {
        String bom = source.startsWith("\uFEFF") ? "\uFEFF" : "";
        String text = source.substring(bom.length());
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        String line = "status: " + status.id();
        if (!(text.startsWith("---\n") || text.startsWith("---\r\n"))) {
            return bom + "---" + nl + line + nl + "---" + nl + text;
        }
        int pos = text.indexOf('\n') + 1;
        while (pos < text.length()) {
            int eol = text.indexOf('\n', pos);
            int end = eol < 0 ? text.length() : eol;
            String current = text.substring(pos, end);
            String stripped = current.stripTrailing();
            if (stripped.equals("---") || stripped.equals("...")) {
                return bom + text.substring(0, pos) + line + nl + text.substring(pos);
            }
            if (current.startsWith("status:") || current.startsWith("status :")) {
                String cr = current.endsWith("\r") ? "\r" : "";
                return bom + text.substring(0, pos) + line + cr + text.substring(end);
            }
            if (eol < 0) {
                break;
            }
            pos = eol + 1;
        }
        return source;
    }
}
