package org.cristal.story;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The variants a story carries for an A/B test, from its front matter:
 * <pre>
 * variants:
 *   subject:
 *     b: "Le pain qui change tout"
 *   cta:
 *     b: "Réservez votre fournée"
 * </pre>
 * Arm {@code a} is always the story as written (the control); the other arms are named by the author
 * ({@code b}, {@code c}…, lower case, the name the links carry as {@code utm_content}). An arm that does not
 * vary an element shows the story's own text for it. What is malformed is left out and said in
 * {@link #problems()} (findings of the checks), never thrown: a slip in a test must not stop the writing.
 * Read from {@link Story#extra()}, so the story's text stays exactly as written.
 */
public final class Variants {
    /** The control: the story as written. */
    public static final String CONTROL = "a";
    /** Arms in all, the control included: each arm needs its share of the audience to say anything. */
    public static final int MAX_ARMS = 4;
    static final String KEY = "variants";
    private static final Pattern ARM = Pattern.compile("[a-z][a-z0-9-]{0,19}");
    /** The first paragraph is looked for in this much of the body (a huge body is not parsed whole). */
    private static final int LEAD_SCAN = 20_000;

    /** What can vary, by its front-matter name. */
    public enum Element {
        SUBJECT("subject"), TITLE("title"), CTA("cta"), LEAD("lead");

        private final String id;

        Element(String id) {
            this.id = id;
        }

        /** The name written in the front matter and stored with a test. */
        public String id() {
            return id;
        }

        public static Optional<Element> fromId(String id) {
            for (Element e : values()) {
                if (e.id.equals(id == null ? "" : id.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }

        static String known() {
            return "subject, title, cta, lead";
        }
    }

    private static final Variants NONE = new Variants(Map.of(), List.of());

    private final Map<Element, Map<String, String>> texts;
    private final List<Finding> problems;

    private Variants(Map<Element, Map<String, String>> texts, List<Finding> problems) {
        this.texts = texts;
        this.problems = List.copyOf(problems);
    }

    /** The story's variants; none when its front matter has no {@code variants:}. */
    public static Variants of(Story story) {
        Object raw = story.extra().get(KEY);
        if (raw == null) {
            return NONE;
        }
        List<Finding> problems = new ArrayList<>();
        if (!(raw instanceof Map<?, ?> map)) {
            problems.add(problem("story.variants.notMapping"));
            return new Variants(Map.of(), problems);
        }
        Map<Element, Map<String, String>> texts = new EnumMap<>(Element.class);
        Set<String> arms = new LinkedHashSet<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            Optional<Element> element = Element.fromId(name);
            if (element.isEmpty()) {
                problems.add(problem("story.variants.unknownElement", name, Element.known()));
                continue;
            }
            if (e.getValue() == null) {
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> byArm)) {
                problems.add(problem("story.variants.elementNotMapping", name));
                continue;
            }
            Map<String, String> varied = new LinkedHashMap<>();
            for (Map.Entry<?, ?> a : byArm.entrySet()) {
                String arm = String.valueOf(a.getKey()).strip().toLowerCase(Locale.ROOT);
                if (arm.equals(CONTROL)) {
                    problems.add(problem("story.variants.control", name));
                } else if (!ARM.matcher(arm).matches()) {
                    problems.add(problem("story.variants.badArm", name, String.valueOf(a.getKey())));
                } else if (!(a.getValue() instanceof String text)) {
                    problems.add(a.getValue() == null ? problem("story.variants.empty", name, arm)
                            : problem("story.variants.notText", name, arm));
                } else if (text.isBlank()) {
                    problems.add(problem("story.variants.empty", name, arm));
                } else if (!arms.contains(arm) && arms.size() >= MAX_ARMS - 1) {
                    problems.add(problem("story.variants.tooMany", name, arm, MAX_ARMS));
                } else {
                    arms.add(arm);
                    varied.put(arm, text.strip());
                }
            }
            if (!varied.isEmpty()) {
                texts.put(element.get(), java.util.Collections.unmodifiableMap(varied));
            }
        }
        if (texts.containsKey(Element.CTA) && story.cta().isEmpty()) {
            problems.add(problem("story.variants.noCta"));
            texts.remove(Element.CTA);
        }
        if (texts.containsKey(Element.LEAD) && firstParagraph(story.body()).isEmpty()) {
            problems.add(problem("story.variants.noLead"));
            texts.remove(Element.LEAD);
        }
        return new Variants(java.util.Collections.unmodifiableMap(texts), problems);
    }

    private static Finding problem(String code, Object... args) {
        // Line 0: the front matter's values keep no line once read into extra() (as other front-matter facts).
        return Finding.of(Severity.WARNING, null, code, 0, args);
    }

    /** Whether the story varies anything (a test can be run). */
    public boolean isEmpty() {
        return texts.isEmpty();
    }

    /** What was left out and why: warnings for the checks, in the author's words. */
    public List<Finding> problems() {
        return problems;
    }

    /** The elements that vary, in a fixed order (subject, title, cta, lead). */
    public List<Element> elements() {
        return List.copyOf(texts.keySet());
    }

    /** Every arm, the control {@code a} first, then as the author named them; empty when nothing varies. */
    public List<String> arms() {
        return arms(null);
    }

    /** The arms of a test of one element: the control and those that vary it. */
    public List<String> arms(Element element) {
        if (texts.isEmpty() || element != null && !texts.containsKey(element)) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        out.add(CONTROL);
        texts.forEach((e, byArm) -> {
            if (element == null || e == element) {
                out.addAll(byArm.keySet());
            }
        });
        return List.copyOf(out);
    }

    /** The arm's own text for an element, when it varies it (never for the control). */
    public Optional<String> text(Element element, String arm) {
        return Optional.ofNullable(texts.getOrDefault(element, Map.of()).get(arm));
    }

    /** The story as arm {@code arm} reads it, every element it varies applied; the control is the story. */
    public Story apply(Story story, String arm) {
        Story out = story;
        for (Element e : texts.keySet()) {
            out = apply(out, e, arm);
        }
        return out;
    }

    /** The story with only {@code element} taken from arm {@code arm} (a test varies one thing at a time). */
    public Story apply(Story story, Element element, String arm) {
        Optional<String> text = text(element, arm);
        if (text.isEmpty()) {
            return story;
        }
        String t = text.get();
        return switch (element) {
            case SUBJECT -> withChannel(story, "email", "subject", t);
            case TITLE -> new Story(story.id(), t, story.slug(), story.summary(), withTitleHeading(story, t), story.tags(),
                    story.lang(), story.brand(), story.image(), story.imageAlt(), story.cta(), story.status(),
                    story.channels(), story.extra(), story.bodyLine());
            case CTA -> new Story(story.id(), story.title(), story.slug(), story.summary(), story.body(),
                    story.tags(), story.lang(), story.brand(), story.image(), story.imageAlt(),
                    story.cta().map(c -> new Cta(t, c.url())), story.status(), story.channels(), story.extra(),
                    story.bodyLine());
            case LEAD -> firstParagraph(story.body()).map(r -> story.withBody(
                    story.body().substring(0, r[0]) + t + story.body().substring(r[1]))).orElse(story);
        };
    }

    /**
     * The body with its opening heading retitled when it repeats the title: every channel leaves such a
     * heading out (it shows the title its own way), and with the old title kept it would no longer match.
     */
    private static String withTitleHeading(Story story, String title) {
        String body = story.body();
        String head = body.length() > LEAD_SCAN ? body.substring(0, LEAD_SCAN) : body;
        if (Markdown.parse(head).getFirstChild() instanceof Heading h
                && Markdown.text(h).strip().equalsIgnoreCase(story.title().strip()) && !h.getText().isEmpty()) {
            return body.substring(0, h.getText().getStartOffset()) + title + body.substring(h.getText().getEndOffset());
        }
        return body;
    }

    private static Story withChannel(Story s, String channel, String key, String value) {
        Map<String, Map<String, String>> channels = new LinkedHashMap<>(s.channels());
        Map<String, String> values = new LinkedHashMap<>(channels.getOrDefault(channel, Map.of()));
        values.put(key, value);
        channels.put(channel, values);
        return new Story(s.id(), s.title(), s.slug(), s.summary(), s.body(), s.tags(), s.lang(), s.brand(),
                s.image(), s.imageAlt(), s.cta(), s.status(), channels, s.extra(), s.bodyLine());
    }

    /** The body's first paragraph as written (the control's lead), or "" when the body begins otherwise. */
    public static String lead(Story story) {
        return firstParagraph(story.body()).map(r -> story.body().substring(r[0], r[1])).orElse("");
    }

    /**
     * Where the body's first paragraph is written ({start, end} in the body, its last line break left
     * out): the lead a reader sees under the title. A paragraph inside a list or a quote is not a lead.
     */
    static Optional<int[]> firstParagraph(String body) {
        String head = body.length() > LEAD_SCAN ? body.substring(0, LEAD_SCAN) : body;
        for (Node n = Markdown.parse(head).getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph p) {
                int start = p.getStartOffset();
                int end = start + p.getChars().trimEnd().length();
                if (end >= head.length() && head.length() < body.length()) {
                    return Optional.empty();
                }
                return Optional.of(new int[] {start, end});
            }
            if (!(n instanceof Heading) && !n.getChars().isBlank()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
