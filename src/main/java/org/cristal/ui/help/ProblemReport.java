package org.cristal.ui.help;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Help › Report a problem: the project's "new issue" page (or an e-mail when no page is known), prefilled with
 * the version, Java, JavaFX, the system and the language, and a few headings to fill in. Nothing personal goes
 * in: no user or file names, no workspace path, no story text; the person adds what they choose.
 */
public final class ProblemReport {
    static final String MAIL = "mailto:support@cristal.invalid";

    private ProblemReport() {
    }

    /** The body of the report, in the studio's language. */
    public static String body(BuildInfo build, ResourceBundle text, Locale locale) {
        return new MessageFormat(text.getString("help.report.body"), locale).format(new Object[] {
            versionLine(build, text, locale), build.java(), build.javafx(), build.os().trim(),
            locale.getLanguage()});
    }

    /** The address to open: the issue page with its title and body, else a mailto: with the same. */
    public static String uri(BuildInfo build, ResourceBundle text, Locale locale) {
        String title = encode(text.getString("help.report.subject"));
        String body = encode(body(build, text, locale));
        if (build.issues().startsWith("https://")) {
            return build.issues() + "/new?title=" + title + "&body=" + body;
        }
        return MAIL + "?subject=" + title + "&body=" + body;
    }

    /** "Cristal 0.2.0" or "Cristal 0.2.0-SNAPSHOT (development build)": one line to copy into a bug report. */
    public static String versionLine(BuildInfo build, ResourceBundle text, Locale locale) {
        String key = build.development() ? "help.about.versionDev" : "help.about.version";
        return new MessageFormat(text.getString(key), locale).format(new Object[] {build.version()});
    }

    // mailto: and query strings want %20 for spaces, not URLEncoder's "+".
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
