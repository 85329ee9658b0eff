package org.cristal.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts a reader compares between a post, an email and a web page: prices, percentages, promo
 * codes, words of an offer ("free", "gratuit"), dates and links, each with the way it is written.
 */
record Facts(List<Fact> prices, List<Fact> offers, List<Fact> dates, List<Fact> links) {

    /** One fact: how it is written, and a key that is equal for the same fact written another way. */
    record Fact(String written, String key) {
    }

    private static final String CURRENCY_BEFORE = "(US\\$|CA\\$|C\\$|\\$|€|£|USD|EUR|CAD|GBP|CHF)";
    private static final String CURRENCY_AFTER = "(\\$|€|£|USD|EUR|CAD|GBP|CHF|dollars?|euros?)";
    private static final String AMOUNT = "(\\d{1,3}(?:[ \u00A0\u202F.,]\\d{3})*(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";
    private static final Pattern PRICE = Pattern.compile("(?<![\\p{L}\\d])(?:" + CURRENCY_BEFORE + "[ \u00A0\u202F]?"
            + AMOUNT + "|" + AMOUNT + "[ \u00A0\u202F]?" + CURRENCY_AFTER + ")(?![\\p{L}\\d])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PERCENT = Pattern.compile("(?<![\\d.,])([-−–]\\s?)?(\\d+(?:[.,]\\d+)?)[ \u00A0\u202F]?%");
    private static final Pattern CODE = Pattern.compile("(?i)\\b(?:promo[ -]?)?code(?:\\s+promo)?\\s*:?\\s+"
            + "(?-i)([A-Z][A-Z0-9]{3,19}|[0-9]+[A-Z][A-Z0-9]*)\\b");
    private static final Pattern OFFER_WORD = Pattern.compile(
            "(?iu)\\b(free|gratuit(?:e|s|es)?|offert(?:e|s|es)?|rembours[ée]s?|refund(?:s|ed)?)\\b");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("janvier", 1), Map.entry("janv", 1), Map.entry("fevrier", 2), Map.entry("fevr", 2),
            Map.entry("mars", 3), Map.entry("avril", 4), Map.entry("avr", 4), Map.entry("mai", 5), Map.entry("juin", 6),
            Map.entry("juillet", 7), Map.entry("juil", 7), Map.entry("aout", 8), Map.entry("septembre", 9),
            Map.entry("sept", 9), Map.entry("octobre", 10), Map.entry("oct", 10), Map.entry("novembre", 11),
            Map.entry("nov", 11), Map.entry("decembre", 12), Map.entry("dec", 12), Map.entry("january", 1),
            Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2), Map.entry("march", 3),
            Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("june", 6),
            Map.entry("jun", 6), Map.entry("july", 7), Map.entry("jul", 7), Map.entry("august", 8),
            Map.entry("aug", 8), Map.entry("september", 9), Map.entry("sep", 9), Map.entry("october", 10),
            Map.entry("november", 11), Map.entry("december", 12));
    private static final Pattern ISO_DATE = Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d])");
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'«»“”]+");
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "mc_cid", "mc_eid", "ref");

    static Facts of(String text) {
        List<Fact> prices = new ArrayList<>();
        List<Fact> offers = new ArrayList<>();
        List<Fact> dates = new ArrayList<>();
        List<Fact> links = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new Facts(prices, offers, dates, links);
        }
        String withoutUrls = text;
        if (text.contains("://")) {
            Matcher u = URL.matcher(text);
            StringBuilder rest = new StringBuilder();
            while (u.find()) {
                String url = u.group().replaceAll("[.,;:!?)\\]]+$", "");
                links.add(new Fact(url, normaliseUrl(url)));
                u.appendReplacement(rest, " ");
            }
            u.appendTail(rest);
            withoutUrls = rest.toString();
        }
        // Cheap tests first: most paragraphs hold no price, percentage, code or offer word.
        String lower = withoutUrls.toLowerCase(Locale.ROOT);
        if (hasDigit(withoutUrls)) {
            if (hasCurrency(lower)) {
                Matcher m = PRICE.matcher(withoutUrls);
                while (m.find()) {
                    String currency = m.group(1) != null ? m.group(1) : m.group(4);
                    String amount = m.group(2) != null ? m.group(2) : m.group(3);
                    prices.add(new Fact(spaces(m.group()), currency(currency) + " " + amount(amount)));
                }
            }
            if (lower.indexOf('%') >= 0) {
                Matcher p = PERCENT.matcher(withoutUrls);
                while (p.find()) {
                    String value = p.group(2).replace(',', '.');
                    offers.add(new Fact(spaces(p.group()), (p.group(1) != null ? "-" : "") + new BigDecimal(value)
                            .stripTrailingZeros().toPlainString() + "%"));
                }
            }
            dates(withoutUrls, dates);
        }
        if (lower.contains("code")) {
            Matcher c = CODE.matcher(withoutUrls);
            while (c.find()) {
                offers.add(new Fact(c.group(1), "code " + c.group(1)));
            }
        }
        if (lower.contains("free") || lower.contains("gratuit") || lower.contains("offert")
                || lower.contains("rembours") || lower.contains("refund")) {
            Matcher w = OFFER_WORD.matcher(withoutUrls);
            while (w.find()) {
                String word = Words.fold(w.group(1));
                String key = word.startsWith("free") || word.startsWith("gratuit") || word.startsWith("offert")
                        ? "free" : "refund";
                offers.add(new Fact(w.group(1), key));
            }
        }
        return new Facts(prices, offers, dates, links);
    }

    /**
     * Dates as "6 décembre", "1er mai", "6 déc.", "3rd of December", "December 3", "Dec 3rd" or
     * "2026-12-03", found word by word (a regular expression over every month name in two languages cost
     * more than all the other checks together).
     */
    private static void dates(String text, List<Fact> out) {
        List<Words.Token> tokens = Words.tokens(text, false);
        for (int i = 0; i < tokens.size(); i++) {
            Words.Token t = tokens.get(i);
            Integer month = MONTHS.get(Words.fold(t.text()));
            if (month != null) {
                int day = i + 1 < tokens.size() && adjacent(text, t, tokens.get(i + 1)) ? day(tokens.get(i + 1).text()) : 0;
                if (day > 0) {
                    add(out, text.substring(t.start(), tokens.get(i + 1).end()), month, day);
                    i++;
                }
                continue;
            }
            int day = day(t.text());
            if (day > 0 && i + 1 < tokens.size()) {
                int k = i + 1;
                if (tokens.get(k).text().equalsIgnoreCase("of") && k + 1 < tokens.size()) {
                    k++;
                }
                Integer m = adjacent(text, tokens.get(k - 1), tokens.get(k)) && adjacent(text, t, tokens.get(i + 1))
                        ? MONTHS.get(Words.fold(tokens.get(k).text())) : null;
                if (m != null) {
                    int end = tokens.get(k).end();
                    if (end < text.length() && text.charAt(end) == '.') {
                        end++;
                    }
                    add(out, text.substring(t.start(), end), m, day);
                    i = k;
                }
            }
        }
        if (text.indexOf('-') >= 0) {
            Matcher m = ISO_DATE.matcher(text);
            while (m.find()) {
                add(out, m.group(), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
        }
    }

    /** Two words separated by spaces only (not "5, mai" nor "3/mars"). */
    private static boolean adjacent(String text, Words.Token a, Words.Token b) {
        for (int i = a.end(); i < b.start(); i++) {
            char c = text.charAt(i);
            if (!(c == ' ' || c == '\u00A0' || c == '\u202F' || c == '.' && i == a.end())) {
                return false;
            }
        }
        return b.start() > a.end();
    }

    /** 1–31, "1er", "3rd", "21st"; else 0. */
    private static int day(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceFirst("(er|st|nd|rd|th)$", "");
        if (w.isEmpty() || w.length() > 2 || !Character.isDigit(w.charAt(0))
                || (w.length() == 2 && !Character.isDigit(w.charAt(1)))) {
            return 0;
        }
        int d = Integer.parseInt(w);
        return d >= 1 && d <= 31 ? d : 0;
    }

    private static boolean hasCurrency(String lower) {
        return lower.indexOf('$') >= 0 || lower.indexOf('€') >= 0 || lower.indexOf('£') >= 0 || lower.contains("usd")
                || lower.contains("eur") || lower.contains("cad") || lower.contains("gbp") || lower.contains("chf")
                || lower.contains("dollar");
    }

    private static void add(List<Fact> out, String written, Integer month, int day) {
        // "mars" and "may" are also words: a number before them makes them dates only when it can be a day.
        if (month != null && day >= 1 && day <= 31) {
            out.add(new Fact(spaces(written), month + "-" + day));
        }
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A link as a reader compares it: without tracking parameters, "www.", a final slash or the scheme. */
    static String normaliseUrl(String url) {
        String u = url.strip();
        int hash = u.indexOf('#');
        if (hash >= 0) {
            u = u.substring(0, hash);
        }
        String query = "";
        int q = u.indexOf('?');
        if (q >= 0) {
            query = u.substring(q + 1);
            u = u.substring(0, q);
        }
        u = u.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
        int slash = u.indexOf('/');
        String host = (slash < 0 ? u : u.substring(0, slash)).toLowerCase(Locale.ROOT);
        String path = slash < 0 ? "" : u.substring(slash);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder kept = new StringBuilder();
        for (String param : query.split("&")) {
            String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!param.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.append(kept.length() == 0 ? "?" : "&").append(param);
            }
        }
        return host + path + kept;
    }

    private static String spaces(String s) {
        return s.replace('\u00A0', ' ').replace('\u202F', ' ').strip();
    }

    private static String currency(String c) {
        String u = c.toUpperCase(Locale.ROOT);
        if (u.startsWith("EUR") || u.equals("€")) {
            return "EUR";
        }
        if (u.equals("£") || u.equals("GBP")) {
            return "GBP";
        }
        if (u.equals("CHF")) {
            return "CHF";
        }
        if (u.startsWith("CA") || u.equals("C$")) {
            return "CAD";
        }
        return "$"; // "$", "US$", "USD", "dollars": one dollar for the reader
    }

    /** "1 250,00" and "1,250.00" → "1250.00"; "5" and "5,00" → "5.00". */
    static String amount(String written) {
        String a = written.replace('\u00A0', ' ').replace('\u202F', ' ').replace(" ", "");
        int last = Math.max(a.lastIndexOf('.'), a.lastIndexOf(','));
        String whole = a;
        String cents = "";
        if (last >= 0 && a.length() - last - 1 <= 2) {
            whole = a.substring(0, last);
            cents = a.substring(last + 1);
        }
        whole = whole.replace(".", "").replace(",", "");
        BigDecimal v = new BigDecimal((whole.isEmpty() ? "0" : whole) + "." + (cents.isEmpty() ? "0" : cents));
        return v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
