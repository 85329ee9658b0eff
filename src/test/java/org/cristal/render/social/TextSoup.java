package org.cristal.render.social;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generated texts made of the words that trip post counters: links, emoji, CJK, mentions, punctuation. */
final class TextSoup {
    private static final String[] TOKENS = {
        "a", "word", "Freelancers:", "2", "a.m.", "$5.80", "1,850", "farm.", "(see", "this)", "«", "»", "l’atelier",
        "—", "…", "€", "™", "©", "®", "‼", "⁉", "↔", "⌚", "☕", "✨", "〰", "㊗", "東京のコーヒー、北京的咖啡.", "저찀쯿쿿",
        "ᄀ", "ñ", "e\u0301", "Ωmega", "😀", "👨‍👩‍👧‍👦", "🇫🇷🇨🇴", "👍🏽", "🏳️‍🌈", "1️⃣", "#️⃣", "🫱🏼‍🫲🏿",
        "#DirectTrade", "#Ostéopathie", "@harborpine", "@velorouge@framapiaf.example", "bob@example.com",
        "https://harborpine.com/shop/huila-2026?utm_source=x&utm_medium=social", "http://test.com", "test.com",
        "t.co", "https://t.co/abcdefghij", "foo.bar.baz", "(https://x.com)", "https://x.com/a\u00a0b", "日本.com",
        "www.example.org/path?q=1#frag", "https://harborpine.example/shop", "example.co.uk.", "x.com👍", "👍x.com",
        "http://[3ffe:1900:4545:3:200:f8ff:fe21:67cf]:80/index.html", "http://192.168.0.1/x", "a.b", "Node.js",
        "\u00a0", "\u202f", "https://例え.jp/パス", "ftp://example.com", "javascript:alert(1)", "<b>tag</b>",
    };
    private static final String[] SPACES = {" ", " ", " ", "\n", "\n\n", "\t", "\u3000", "\u2028", "  "};
    private TextSoup() {
    }

    /** Reproducible texts of 1 to 40 words, some glued together without a space. */
    static List<String> texts(long seed, int count) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int sample = 0; sample < count; sample++) {
            StringBuilder sb = new StringBuilder();
            int words = 1 + random.nextInt(40);
            for (int w = 0; w < words; w++) {
                if (w > 0 || random.nextInt(10) == 0) {
                    sb.append(SPACES[random.nextInt(SPACES.length)]);
                }
                sb.append(TOKENS[random.nextInt(TOKENS.length)]);
                if (random.nextInt(4) == 0) {
                    sb.append(TOKENS[random.nextInt(TOKENS.length)]);
                }
            }
            out.add(sb.toString());
        }
        return out;
    }
}

