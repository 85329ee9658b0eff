package org.cristal.publish.linkedin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LinkedIn's "little" text format of a post's {@code commentary}: the characters {@code \ | { } @ [ ] ( ) < >
 * # * _ ~} are markup there, and LinkedIn silently cuts a post at the first one left unescaped (a post
 * "published" with only its first sentence). So every such character is escaped with a backslash, a
 * {@code #word} becomes LinkedIn's hashtag template so it stays a clickable hashtag, and links are left as
 * written so LinkedIn still makes them clickable (escaping the {@code _} of {@code utm_source} would show a
 * backslash in the address). An {@code @name} stays plain text: a mention needs the person's URN.
 */
final class LittleText {
    private static final String RESERVED = "\\|{}@[]()<>#*_~";
    private static final Pattern URL = Pattern.compile("(?i)https?://[^\\s]+?(?=[).,;:!?»”]*(?:\\s|$))");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&/\\\\])#([\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*)");
    private static final Pattern TOKEN = Pattern.compile(URL.pattern() + "|" + HASHTAG.pattern());
    private static final Pattern TEMPLATE = Pattern.compile("\\{hashtag\\|\\\\#\\|((?:\\\\.|[^\\\\}])*)}");

    private LittleText() {
    }

    /** {@code text} as LinkedIn's commentary, so that it shows exactly as written. */
    static String of(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (m.find()) {
            escape(text.substring(at, m.start()), out);
            if (m.group(1) != null) {
                out.append("{hashtag|\\#|");
                escape(m.group(1), out);
                out.append('}');
            } else {
                out.append(m.group());
            }
            at = m.end();
        }
        escape(text.substring(at), out);
        return out.toString();
    }

    /** What a reader sees of a commentary: templates as their hashtag, escapes undone. */
    static String plain(String little) {
        Matcher m = TEMPLATE.matcher(little);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (m.find()) {
            out.append(unescape(little.substring(at, m.start()))).append('#').append(unescape(m.group(1)));
            at = m.end();
        }
        return out.append(unescape(little.substring(at))).toString();
    }

    /** The last link of {@code text} (the renderer puts the story's link after the words), as {@link #of} finds links. */
    static java.util.Optional<String> lastLink(String text) {
        Matcher m = URL.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        return java.util.Optional.ofNullable(last);
    }

    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (RESERVED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
