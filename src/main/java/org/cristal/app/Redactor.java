package org.cristal.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line per record (plus the stack trace), with what must never reach a log file taken out: e-mail
 * addresses (contacts, accounts), what follows a password, token or key, credentials in URLs, the user's
 * home folder and login name. Libraries put such things in their exception messages (an SMTP server's
 * "550 &lt;someone@example.com&gt; rejected", a path under /home/marie), so this runs on the whole text.
 */
final class Redactor extends Formatter {
    private static final Pattern URL_CREDENTIALS = Pattern.compile("://[^/\\s:@]+:[^/\\s@]+@");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern SCHEME = Pattern.compile("(?i)\\b(bearer|basic)\\s+[\\w.~+/=-]+");
    private static final Pattern SECRET = Pattern.compile("(?i)(pass(?:word|wd|phrase)?|token|secret|api[_-]?key"
            + "|authorization)(\"?\\s*[:=]\\s*\"?|\\s+)(?!<hidden>|bearer\\b|basic\\b)([^\\s,;\"&]+)");
    private final String home;
    private final Pattern user;

    Redactor() {
        this(System.getProperty("user.home", ""), System.getProperty("user.name", ""));
    }

    Redactor(String home, String userName) {
        this.home = home.length() > 1 ? home : null;
        // A very short login name ("a", "me") would blank ordinary words: such names are left alone.
        this.user = userName.length() >= 3 ? Pattern.compile("(?i)\\b" + Pattern.quote(userName) + "\\b") : null;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder out = new StringBuilder();
        out.append(Instant.ofEpochMilli(record.getMillis())).append(' ').append(record.getLevel().getName())
                .append(' ').append(record.getLoggerName()).append(": ").append(formatMessage(record))
                .append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            out.append(trace);
        }
        return redact(out.toString());
    }

    String redact(String text) {
        String s = text;
        if (home != null) {
            s = s.replace(home, "~");
        }
        s = URL_CREDENTIALS.matcher(s).replaceAll("://<hidden>@");
        s = EMAIL.matcher(s).replaceAll("<e-mail>");
        s = SCHEME.matcher(s).replaceAll("$1 <hidden>");
        s = SECRET.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + "<hidden>"));
        if (user != null) {
            s = user.matcher(s).replaceAll("<user>");
        }
        return s;
    }
}
