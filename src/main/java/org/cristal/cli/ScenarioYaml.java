package org.cristal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cristal.library.scenario.Condition;
import org.cristal.library.scenario.ExitRule;
import org.cristal.library.scenario.Reentry;
import org.cristal.library.scenario.Step;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A scenario written as a small YAML file for {@code cristal scenarios save} (format in docs/one-to-one.md):
 * name, segment, reentry, reentry-days, zone, steps (story, account, variant, after, delay, date, time, if)
 * and exits. Anything that does not read is one line naming the field and the value.
 */
record ScenarioYaml(String name, String segment, Reentry reentry, int reentryDays, ZoneId zone, List<Step> steps,
        List<ExitRule> exits) {

    static ScenarioYaml read(Path file) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError(CliText.get("scenarios.yaml.unreadable", file.toString(), e.getClass().getSimpleName()), e);
        } catch (RuntimeException e) {
            throw new UserError(CliText.get("scenarios.yaml.unreadable", file.toString(),
                    CliText.plain(String.valueOf(e.getMessage()).lines().findFirst().orElse(""))), e);
        }
        if (!(root instanceof Map<?, ?> m)) {
            throw new UserError(CliText.get("scenarios.yaml.unreadable", file.toString(), "—"));
        }
        String name = text(m, "name");
        if (name.isBlank()) {
            throw bad("name", "");
        }
        Reentry reentry = Reentry.of(text(m, "reentry").isBlank() ? "never" : text(m, "reentry"))
                .orElseThrow(() -> bad("reentry", text(m, "reentry")));
        int days;
        try {
            days = text(m, "reentry-days").isBlank() ? 0 : Integer.parseInt(text(m, "reentry-days"));
        } catch (NumberFormatException e) {
            throw bad("reentry-days", text(m, "reentry-days"));
        }
        ZoneId zone;
        try {
            zone = text(m, "zone").isBlank() ? ZoneId.systemDefault() : ZoneId.of(text(m, "zone"));
        } catch (DateTimeException e) {
            throw bad("zone", text(m, "zone"));
        }
        List<Step> steps = new ArrayList<>();
        for (Object o : list(m.get("steps"))) {
            if (!(o instanceof Map<?, ?> s)) {
                throw bad("steps", String.valueOf(o));
            }
            steps.add(step(s, steps.size() + 1));
        }
        List<ExitRule> exits = new ArrayList<>();
        for (Object o : list(m.get("exits"))) {
            exits.add(exit(String.valueOf(o)));
        }
        return new ScenarioYaml(name.strip(), text(m, "segment").strip(), reentry, Math.max(0, days), zone, steps,
                exits);
    }

    private static Step step(Map<?, ?> s, int number) {
        String id = text(s, "id").isBlank() ? "s" + number : text(s, "id").strip();
        String story = text(s, "story");
        String account = text(s, "account");
        if (story.isBlank()) {
            throw bad(id + ".story", "");
        }
        if (account.isBlank()) {
            throw bad(id + ".account", "");
        }
        Duration delay = delay(id, text(s, "delay"));
        LocalDate date = null;
        if (!text(s, "date").isBlank()) {
            try {
                date = LocalDate.parse(text(s, "date"));
            } catch (DateTimeException e) {
                throw bad(id + ".date", text(s, "date"));
            }
        }
        String after = text(s, "after").isBlank() ? "previous" : text(s, "after").strip().toLowerCase(Locale.ROOT);
        Step.Timing timing = date != null ? Step.Timing.ON_DATE : switch (after) {
            case "previous" -> Step.Timing.AFTER_PREVIOUS;
            case "entry" -> Step.Timing.AFTER_ENTRY;
            default -> throw bad(id + ".after", after);
        };
        List<Condition> conditions = new ArrayList<>();
        for (Object c : list(s.get("if"))) {
            conditions.add(condition(id, String.valueOf(c)));
        }
        return new Step(id, story.strip(), text(s, "variant").strip(), account.strip(), timing, delay, date,
                time(id, s.get("time")), conditions);
    }

    /** {@code 2d}, {@code 3h}, {@code 30m}, {@code 1w}, {@code 0}, or ISO-8601 ({@code P2DT3H}). */
    static Duration delay(String id, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("0")) {
            return Duration.ZERO;
        }
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1).strip());
            return switch (t.charAt(t.length() - 1)) {
                case 'w', 's' -> Duration.ofDays(7 * n);
                case 'd', 'j' -> Duration.ofDays(n);
                case 'h' -> Duration.ofHours(n);
                case 'm' -> Duration.ofMinutes(n);
                default -> throw bad(id + ".delay", text);
            };
        } catch (RuntimeException e) {
            if (e instanceof UserError u) {
                throw u;
            }
            throw bad(id + ".delay", text);
        }
    }

    private static LocalTime time(String id, Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        if (value instanceof Integer minutes) {
            // YAML 1.1 reads an unquoted 9:00 as sexagesimal 540: minutes since midnight.
            return minutes >= 0 && minutes < 24 * 60 ? LocalTime.of(minutes / 60, minutes % 60) : null;
        }
        try {
            return LocalTime.parse(String.valueOf(value).strip().replace('h', ':').length() == 4
                    ? "0" + String.valueOf(value).strip().replace('h', ':') : String.valueOf(value).strip().replace('h', ':'));
        } catch (DateTimeException e) {
            throw bad(id + ".time", String.valueOf(value));
        }
    }

    /** {@code consenting}, {@code in segment NAME}, {@code received s1}, {@code clicked s1}, each with {@code not}. */
    static Condition condition(String id, String text) {
        String t = text.strip();
        boolean not = t.toLowerCase(Locale.ROOT).startsWith("not ");
        String rest = not ? t.substring(4).strip() : t;
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.equals("consenting")) {
            return new Condition(Condition.Kind.CONSENTING, "", not);
        }
        for (Map.Entry<String, Condition.Kind> k : Map.of("in segment ", Condition.Kind.IN_SEGMENT, "received ",
                Condition.Kind.RECEIVED, "clicked ", Condition.Kind.CLICKED).entrySet()) {
            if (lower.startsWith(k.getKey()) && rest.length() > k.getKey().length()) {
                return new Condition(k.getValue(), rest.substring(k.getKey().length()).strip(), not);
            }
        }
        throw bad(id + ".if", text);
    }

    /** {@code left segment}, {@code unsubscribed}, {@code converted}, {@code in segment NAME}, {@code received story ID}. */
    static ExitRule exit(String text) {
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "left segment" -> new ExitRule(ExitRule.Kind.LEFT_SEGMENT, "");
            case "unsubscribed" -> new ExitRule(ExitRule.Kind.UNSUBSCRIBED, "");
            case "converted" -> new ExitRule(ExitRule.Kind.CONVERTED, "");
            default -> {
                if (lower.startsWith("in segment ")) {
                    yield new ExitRule(ExitRule.Kind.IN_SEGMENT, t.substring(11).strip());
                }
                if (lower.startsWith("received story ")) {
                    yield new ExitRule(ExitRule.Kind.RECEIVED_STORY, t.substring(15).strip());
                }
                throw bad("exits", text);
            }
        };
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : String.valueOf(v);
    }

    private static List<?> list(Object o) {
        if (o == null) {
            return List.of();
        }
        return o instanceof List<?> l ? l : List.of(o);
    }

    private static UserError bad(String field, String value) {
        return new UserError(CliText.get("scenarios.yaml.bad", field, CliText.plain(value)));
    }
}
