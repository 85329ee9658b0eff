package org.cristal.library.audience;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.library.audience.SegmentCondition.DateValue;
import org.cristal.library.audience.SegmentLexer.Kind;
import org.cristal.library.audience.SegmentLexer.Token;

/**
 * Reads a segment expression (grammar in {@link SegmentExpression}) by recursive descent: or binds
 * loosest, then and, then not. Every error names the column and what was expected.
 */
final class SegmentParser {
    private static final Pattern AGO = Pattern.compile("(\\d{1,4})\\s*([dwmyjsa])");
    private static final Pattern FRENCH_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private final List<Token> tokens;
    private int at;

    private SegmentParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static SegmentCondition parse(String source) {
        if (source == null || source.isBlank()) {
            throw new SegmentException(0, 0, "audience.segment.error.empty");
        }
        SegmentParser p = new SegmentParser(SegmentLexer.tokens(source));
        SegmentCondition c = p.disjunction();
        Token t = p.peek();
        if (t.is(Kind.CLOSE)) {
            throw error(t, "audience.segment.error.unexpectedClose", t.column());
        }
        if (!t.is(Kind.END)) {
            throw error(t, "audience.segment.error.unexpected", t.text(), t.column());
        }
        return c;
    }

    private SegmentCondition disjunction() {
        List<SegmentCondition> parts = new ArrayList<>(List.of(conjunction()));
        while (peek().isWord("or", "ou")) {
            at++;
            parts.add(conjunction());
        }
        return parts.size() == 1 ? parts.get(0) : new SegmentCondition.Any(parts);
    }

    private SegmentCondition conjunction() {
        List<SegmentCondition> parts = new ArrayList<>(List.of(negation()));
        while (peek().isWord("and", "et")) {
            at++;
            parts.add(negation());
        }
        return parts.size() == 1 ? parts.get(0) : new SegmentCondition.All(parts);
    }

    private SegmentCondition negation() {
        if (peek().isWord("not", "non", "pas")) {
            at++;
            return new SegmentCondition.Not(negation());
        }
        return primary();
    }

    private SegmentCondition primary() {
        Token t = next();
        if (t.is(Kind.OPEN)) {
            SegmentCondition inner = disjunction();
            Token close = next();
            if (!close.is(Kind.CLOSE)) {
                throw error(close, "audience.segment.error.expectedClose", close.column(), t.column());
            }
            return inner;
        }
        if (t.is(Kind.END)) {
            throw error(t, "audience.segment.error.missingCondition", t.column());
        }
        if (!t.is(Kind.WORD) || t.isWord("and", "et", "or", "ou")) {
            throw error(t, "audience.segment.error.expectedCondition", t.column(), t.text());
        }
        if (t.isWord("subscribed", "inscrit", "inscrits", "abonne", "abonnes")) {
            return consent(true, false);
        }
        if (t.isWord("unsubscribed", "desinscrit", "desinscrits", "desabonne", "desabonnes")) {
            return consent(false, false);
        }
        if (t.isWord("consent", "consentement")) {
            return consent(true, true);
        }
        if (t.isWord("bounced", "rebond")) {
            return new SegmentCondition.Bounced();
        }
        if (t.isWord("received", "recu", "recus")) {
            return received();
        }
        return comparison(t);
    }

    /** subscribed [channel [purpose]], consent channel [purpose]: e-mail and marketing unless said. */
    private SegmentCondition consent(boolean granted, boolean channelRequired) {
        ContactChannel channel = ContactChannel.EMAIL;
        Purpose purpose = Purpose.MARKETING;
        Optional<ContactChannel> ch = channel(peek());
        if (ch.isPresent()) {
            channel = ch.get();
            at++;
            Token p = peek();
            if (p.is(Kind.WORD) && !connective(p)) {
                purpose = purpose(p).orElseThrow(() -> error(p, "audience.segment.error.unknownPurpose", p.text(),
                        p.column()));
                at++;
            }
        } else if (channelRequired) {
            Token p = peek();
            if (p.is(Kind.WORD) && !connective(p)) {
                throw error(p, "audience.segment.error.unknownChannel", p.text(), p.column());
            }
            throw error(p, "audience.segment.error.expectedChannel", p.column());
        }
        return new SegmentCondition.Consent(channel, purpose, granted);
    }

    /** received [story = ID | story in (…)] [channel = CH] [since DATE] [before DATE], in any order. */
    private SegmentCondition received() {
        List<String> stories = new ArrayList<>();
        List<ContactChannel> channels = new ArrayList<>();
        DateValue since = null;
        DateValue before = null;
        while (true) {
            Token q = peek();
            if (q.isWord("story", "histoire")) {
                at++;
                for (Token v : equalOrIn(q)) {
                    stories.add(v.text().strip().toLowerCase(java.util.Locale.ROOT));
                }
            } else if (q.isWord("channel", "canal")) {
                at++;
                for (Token v : equalOrIn(q)) {
                    channels.add(channel(v).orElseThrow(() -> error(v, "audience.segment.error.unknownChannel",
                            v.text(), v.column())));
                }
            } else if (q.isWord("since", "depuis")) {
                at++;
                since = date(value(q));
            } else if (q.isWord("before", "avant")) {
                at++;
                before = date(value(q));
            } else {
                return new SegmentCondition.Received(stories, channels, since, before);
            }
        }
    }

    /** {@code = value} or {@code in (a, b)}, one word each (a story's id, a channel). */
    private List<Token> equalOrIn(Token after) {
        Token op = next();
        if (op.is(Kind.OPERATOR) && op.text().equals("=")) {
            return List.of(value(op));
        }
        if (op.isWord("in", "dans")) {
            return list(op, false);
        }
        throw error(op, "audience.segment.error.expectedOperator", after.text(), op.column());
    }

    private SegmentCondition comparison(Token name) {
        SegmentField field;
        String key = "";
        String word = name.text();
        int dot = word.indexOf('.');
        Optional<SegmentField> custom = dot > 0 ? SegmentField.named(word.substring(0, dot)) : Optional.empty();
        if (dot < 0 && SegmentField.named(word).filter(f -> f == SegmentField.CUSTOM).isPresent()) {
            throw error(name, "audience.segment.error.expectedFieldKey", name.column());
        }
        if (custom.isPresent() && custom.get() == SegmentField.CUSTOM) {
            field = SegmentField.CUSTOM;
            key = word.substring(dot + 1).strip();
            if (key.isEmpty()) {
                throw error(name, "audience.segment.error.expectedFieldKey", name.column());
            }
        } else {
            field = SegmentField.named(word).filter(f -> f != SegmentField.CUSTOM)
                    .orElseThrow(() -> unknownField(name));
        }
        Token op = next();
        boolean negated = false;
        if (op.isWord("not", "pas", "non") && peek().isWord("contains", "contient", "starts", "startswith",
                "commence", "in", "dans")) {
            negated = true;
            op = next();
        }
        SegmentCondition c;
        if (op.isWord("is", "est")) {
            boolean not = false;
            if (peek().isWord("not", "pas", "non")) {
                at++;
                not = true;
            }
            Token empty = next();
            if (!empty.isWord("empty", "vide", "blank")) {
                throw error(empty, "audience.segment.error.expectedOperator", name.text(), empty.column());
            }
            c = new SegmentCondition.Empty(field, key);
            return not ? new SegmentCondition.Not(c) : c;
        }
        String operator = operator(op, name);
        if (field.kind == SegmentField.Kind.DATE) {
            if (!List.of("=", "!=", "<", "<=", ">", ">=").contains(operator)) {
                throw error(op, "audience.segment.error.badOperator", op.text(), name.text(), op.column());
            }
            c = new SegmentCondition.Compare(field, key, operator, List.of(), date(value(op)));
        } else if (operator.equals("in")) {
            c = new SegmentCondition.Compare(field, key, "=", list(op, true).stream().map(Token::text).toList(), null);
        } else {
            c = new SegmentCondition.Compare(field, key, operator, List.of(words(op).text()), null);
        }
        return negated ? new SegmentCondition.Not(c) : c;
    }

    private String operator(Token op, Token name) {
        if (op.is(Kind.OPERATOR) && List.of("=", "!=", "<", "<=", ">", ">=").contains(op.text())) {
            return op.text();
        }
        if (op.isWord("contains", "contient")) {
            return "contains";
        }
        if (op.isWord("starts", "startswith", "commence")) {
            if (peek().isWord("with", "par")) {
                at++;
            }
            return "starts";
        }
        if (op.isWord("in", "dans", "parmi")) {
            return "in";
        }
        throw error(op, "audience.segment.error.expectedOperator", name.text(), op.column());
    }

    /** {@code (a, b, "Saint-Denis")}; {@code multiWord} lets a bare value have spaces (Le Mans). */
    private List<Token> list(Token in, boolean multiWord) {
        Token open = next();
        if (!open.is(Kind.OPEN)) {
            throw error(open, "audience.segment.error.expectedList", open.column());
        }
        List<Token> out = new ArrayList<>();
        while (true) {
            out.add(multiWord ? words(in) : value(in));
            Token t = next();
            if (t.is(Kind.CLOSE)) {
                return out;
            }
            if (!t.is(Kind.COMMA)) {
                throw error(t, "audience.segment.error.expectedClose", t.column(), open.column());
            }
            in = t;
        }
    }

    /** One value: a quoted text or one bare word (not and/or, which would mean the value was forgotten). */
    private Token value(Token after) {
        Token t = peek();
        if (t.is(Kind.TEXT) || t.is(Kind.WORD) && !connective(t)) {
            at++;
            return t;
        }
        throw error(t, "audience.segment.error.expectedValue", t.column(), after.text());
    }

    /** A value of bare words up to and/or, a comma or a parenthesis: {@code ville = Le Mans et tag = x}. */
    private Token words(Token after) {
        Token first = value(after);
        if (first.is(Kind.TEXT)) {
            return first;
        }
        StringBuilder text = new StringBuilder(first.text());
        Token last = first;
        while (peek().is(Kind.WORD) && !connective(peek()) && !startsComparison(at)) {
            last = next();
            text.append(' ').append(last.text());
        }
        return new Token(Kind.WORD, text.toString(), first.column(), last.column() + last.length() - first.column());
    }

    /** A word followed by an operator: the next condition (its "and" forgotten), not more of this value. */
    private boolean startsComparison(int i) {
        Token after = tokens.get(i + 1);
        return after.is(Kind.OPERATOR) || after.isWord("contains", "contient", "starts", "commence", "is", "est");
    }

    private static DateValue date(Token t) {
        String s = t.text().strip().toLowerCase(java.util.Locale.ROOT);
        Matcher ago = AGO.matcher(s);
        if (ago.matches()) {
            int n = Integer.parseInt(ago.group(1));
            Period p = switch (ago.group(2)) {
                case "d", "j" -> Period.ofDays(n);
                case "w", "s" -> Period.ofWeeks(n);
                case "m" -> Period.ofMonths(n);
                default -> Period.ofYears(n);
            };
            return new DateValue(null, p);
        }
        try {
            Matcher fr = FRENCH_DATE.matcher(s);
            if (fr.matches()) {
                return new DateValue(LocalDate.of(Integer.parseInt(fr.group(3)), Integer.parseInt(fr.group(2)),
                        Integer.parseInt(fr.group(1))), null);
            }
            return new DateValue(LocalDate.parse(s), null);
        } catch (java.time.DateTimeException e) {
            throw error(t, "audience.segment.error.badDate", t.text(), t.column());
        }
    }

    private static Optional<ContactChannel> channel(Token t) {
        if (t.isWord("email", "e-mail", "mail", "courriel")) {
            return Optional.of(ContactChannel.EMAIL);
        }
        if (t.isWord("postal", "post", "courrier", "poste")) {
            return Optional.of(ContactChannel.POSTAL);
        }
        return t.isWord("sms") ? Optional.of(ContactChannel.SMS) : Optional.empty();
    }

    private static Optional<Purpose> purpose(Token t) {
        if (t.isWord("marketing", "newsletter", "prospection")) {
            return Optional.of(Purpose.MARKETING);
        }
        return t.isWord("service", "transactional", "transactionnel") ? Optional.of(Purpose.SERVICE) : Optional.empty();
    }

    private static boolean connective(Token t) {
        return t.isWord("and", "et", "or", "ou");
    }

    private static SegmentException unknownField(Token name) {
        Optional<String> hint = SegmentField.closest(name.text());
        if (hint.isEmpty()) {
            return error(name, "audience.segment.error.unknownFieldNoHint", name.text(), name.column(),
                    String.join(", ", SegmentExpression.FIELDS));
        }
        String english = SegmentField.english(hint.get());
        if (!english.equals(hint.get())) {
            return error(name, "audience.segment.error.unknownFieldTwoHints", name.text(), name.column(), hint.get(),
                    english);
        }
        return error(name, "audience.segment.error.unknownField", name.text(), name.column(), hint.get());
    }

    private static SegmentException error(Token t, String key, Object... args) {
        return new SegmentException(t.column(), Math.max(1, t.length()), key, args);
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token t = tokens.get(at);
        if (!t.is(Kind.END)) {
            at++;
        }
        return t;
    }
}
