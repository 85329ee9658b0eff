package org.cristal.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.Severity;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryPersona;

/**
 * A story written for a persona ({@code persona:} in its front matter) held to that persona's rules:
 * its words to avoid (each occurrence, matched as the brand's banned words are: whole words, without regard
 * to case or accents, with their usual inflections), its reading-ease target, and the channels it does
 * not use. A story says which channels it goes to by the texts it gives for them ({@code channels:} in the
 * front matter, e.g. {@code channels.social.text}); the channel chosen at publishing time is not known here.
 */
public final class PersonaCheck {
    private PersonaCheck() {
    }

    /**
     * The findings for {@code doc} against {@code rules}, the persona the caller found for the story's
     * {@code persona:}: empty for a story that names none. {@code rules} empty while the story names one: no
     * persona has that name, a warning (never an error: the writing goes on).
     */
    public static List<Finding> check(StoryDocument doc, Optional<PersonaRules> rules) {
        Optional<String> named = StoryPersona.name(doc.story());
        if (named.isEmpty()) {
            return List.of();
        }
        Report report = new Report();
        if (rules.isEmpty()) {
            report.add(Severity.WARNING, null, "check.persona.unknown", 0, named.get());
            return report.list();
        }
        PersonaRules p = rules.get();
        avoidedWords(doc, p, report);
        readingTarget(doc, p, report);
        avoidedChannels(doc, p, report);
        return report.list();
    }

    private static void avoidedWords(StoryDocument doc, PersonaRules p, Report report) {
        List<BrandVoice.Term> terms = new ArrayList<>();
        for (String w : p.wordsAvoid()) {
            BrandVoice.Term t = BrandVoice.Term.of(w);
            if (!t.words().isEmpty()) {
                terms.add(t);
            }
        }
        if (terms.isEmpty()) {
            return;
        }
        for (BrandVoice.Place place : BrandVoice.places(doc)) {
            List<Words.Token> tokens = Words.tokens(place.text(), false);
            List<String> words = tokens.stream().map(t -> Words.fold(t.text())).toList();
            for (BrandVoice.Term t : terms) {
                for (int at : t.find(words)) {
                    String found = place.text().substring(tokens.get(at).start(), tokens.get(at + t.size() - 1).end());
                    report.add(Severity.WARNING, place.channel(), "check.persona.avoidWord", place.line(), found,
                            p.name());
                }
            }
        }
    }

    private static void readingTarget(StoryDocument doc, PersonaRules p, Report report) {
        if (p.readingTarget() <= 0) {
            return;
        }
        String lang = Readability.language(doc);
        Readability.Stats stats = Readability.stats(doc.blocks(), lang);
        // As the readability check: a score over a few words says more about the sample than the writing.
        if (stats.score().isEmpty() || stats.words() < Readability.MIN_WORDS_FOR_SCORE) {
            return;
        }
        long score = Math.round(stats.score().get());
        if (score < p.readingTarget()) {
            report.add(Severity.WARNING, null, "check.persona.readingTarget", 0, p.name(), p.readingTarget(), score,
                    "fr".equals(lang) ? "Kandel–Moles" : "Flesch");
        }
    }

    private static void avoidedChannels(StoryDocument doc, PersonaRules p, Report report) {
        Set<Channel> avoided = new LinkedHashSet<>();
        p.channelsAvoid().forEach(id -> Channel.fromId(id.strip()).ifPresent(avoided::add));
        Set<Channel> given = new LinkedHashSet<>();
        doc.story().channels().forEach((key, fields) -> {
            Channel c = Coherence.channelOf(key);
            if (c != null && fields.values().stream().anyMatch(v -> !v.isBlank())) {
                given.add(c);
            }
        });
        for (Channel c : given) {
            if (avoided.contains(c)) {
                report.add(Severity.WARNING, c, "check.persona.channel", 0, p.name(), c.id());
            }
        }
    }
}
