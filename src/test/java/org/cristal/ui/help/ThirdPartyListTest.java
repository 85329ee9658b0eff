package org.cristal.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The licences the build collected name every library Cristal ships, and the jar carries them. */
class ThirdPartyListTest {
    @Test
    void theListNamesEveryRuntimeDependencyOfThePomWithItsLicence() throws Exception {
        String list = Notices.list().orElseThrow(() -> new AssertionError("no " + Notices.LIST + " on the class path"));
        List<String> missing = new ArrayList<>();
        for (String coordinates : runtimeDependencies()) {
            boolean named = list.lines().anyMatch(l -> l.contains("(" + coordinates + ":") && l.strip().startsWith("("));
            if (!named) {
                missing.add(coordinates);
            }
        }
        assertEquals(List.of(), missing, "runtime dependencies missing from the third-party list");
        // Transitive libraries too: PDFBox's font parser, LanguageTool's core.
        assertTrue(list.contains("(org.apache.pdfbox:fontbox:"), list);
        assertTrue(list.contains("(org.languagetool:languagetool-core:"), list);
        assertTrue(list.lines().filter(l -> l.contains(":")).allMatch(l -> l.strip().startsWith("(")),
                "every library has a licence");
    }

    @Test
    void cristalsOwnLicenceTravelsInTheJar() {
        assertTrue(Notices.licence().orElse("").contains("Apache License"));
        assertTrue(Notices.all().contains("════ angus-mail-"), "each jar's own notices follow the list");
    }

    /** groupId:artifactId of every dependency the pom declares outside the test scope. */
    private static List<String> runtimeDependencies() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String deps = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
        Matcher m = Pattern.compile("<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>"
                + "(.*?)</dependency>", Pattern.DOTALL).matcher(deps);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            if (!m.group(3).contains("<scope>test</scope>")) {
                out.add(m.group(1) + ":" + m.group(2));
            }
        }
        assertTrue(out.size() > 20, out.toString());
        return out;
    }
}
