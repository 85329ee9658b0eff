package org.cristal.render.brochure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cristal.story.Status;
import org.cristal.story.Story;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Writes brochures in many scripts to {@code target/snapshots/} to look at (pdftoppm -png). Asserts nothing:
 * run with {@code mvn test -Dgroups=snapshot -DexcludedGroups=none -Dtest=BrochureScriptsSnapshotTest}.
 */
@Tag("snapshot")
class BrochureScriptsSnapshotTest {
    @Test
    void writeScriptsBrochures() throws IOException {
        String quotes = """
                Ce que nos clients disent : « Le meilleur pain du quartier ! »

                > خبز طازج كل صباح، والخدمة ممتازة (شكرًا).

                > לחם טרי בכל בוקר, תודה רבה!

                > 매일 아침 신선한 빵, 가게가 정말 좋아요.

                > Ψωμί κάθε πρωί — Свежий хлеб — Bánh mì tươi mỗi sáng — Świeży chleb, żółć — Taze ekmek, şöyle.

                > Թարմ հաց — ᓄᓇᕗᑦ ᐃᓄᒃᑎᑐᑦ — 東京のコーヒー — 👍🏽

                Accents tapés sur macOS : cafe\u0301 cre\u0300me, bro\u0302le\u0301e, Noe\u0308l.

                Hebrew with points: בְּרֵאשִׁית. Arabic with harakat: مَرْحَبًا. Mixed: the word שלום means peace.
                """;
        Path dir = Path.of("target", "snapshots");
        Files.createDirectories(dir);
        Story fr = new Story("scripts", "Nos clients, leurs langues", "Des avis dans toutes les écritures.", quotes,
                List.of(), "fr", "", "", "", Optional.empty(), Status.DRAFT, Map.of(), Map.of(), 1);
        Files.write(dir.resolve("scripts-fr.pdf"), Brochures.render(fr).body().pdf());
        Story ar = new Story("ar", "مخبز الحي", "خبز طازج كل صباح.", "## أهلاً وسهلاً\n\nنخبز الخبز كل صباح منذ 1998، "
                + "ونبيع الكرواسان (croissant) أيضاً.\n\n- خبز\n- حلويات\n", List.of(), "ar", "", "", "",
                Optional.empty(), Status.DRAFT, Map.of(), Map.of(), 1);
        Files.write(dir.resolve("scripts-ar.pdf"), Brochures.render(ar).body().pdf());
    }
}
