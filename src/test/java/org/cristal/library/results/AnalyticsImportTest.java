package org.cristal.library.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Web analytics files, written from each tool's documented columns (src/test/resources/results), imported
 * into a real workspace file and joined to a story by its web address.
 */
class AnalyticsImportTest {
    private static final String PAIN = "pain-au-levain";
    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    @TempDir
    Path dir;

    private Workspace workspace() throws org.cristal.story.StoryFormatException {
        Workspace ws = Workspace.open(dir.resolve("levain.cristal"));
        ws.stories().save("pain", "---\ntitle: Le pain au levain\nslug: " + PAIN + "\n---\nDu bon pain.\n");
        ws.stories().save("velo", "---\ntitle: L’atelier vélo\nslug: atelier-velo\n---\nDes vélos.\n");
        return ws;
    }

    private Path fixture(String name) throws IOException {
        Path out = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
        try (InputStream in = getClass().getResourceAsStream("/results/" + name)) {
            Files.write(out, in.readAllBytes());
        }
        return out;
    }

    /** Plausible's export, zipped as Plausible does, from the CSV files of one folder of fixtures. */
    static Path zip(Path out, String folder, String... files) throws IOException {
        try (OutputStream os = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (String f : files) {
                zip.putNextEntry(new ZipEntry(f));
                try (InputStream in = AnalyticsImportTest.class.getResourceAsStream("/results/" + folder + "/" + f)) {
                    zip.write(in.readAllBytes());
                }
                zip.closeEntry();
            }
        }
        return out;
    }

    private Path plausibleExport() throws IOException {
        return zip(dir.resolve("levain_example_20261207.zip"), "plausible-export",
                "imported_visitors_20261124_20261207.csv", "imported_sources_20261124_20261207.csv",
                "imported_custom_events_20261124_20261207.csv");
    }

    @Test
    void plausibleSiteExportGivesEachStoryItsVisitsByDayAndTags() throws Exception {
        try (Workspace ws = workspace()) {
            ImportSummary s = ws.results().importFile(plausibleExport(), AnalyticsFormat.AUTO);
            assertEquals("plausible", s.format());
            assertEquals(new WebTotals(19 + 12 + 13 + 6, 0), ws.results().webTotals(PAIN));
            assertEquals(4, s.matched());
            assertEquals(List.of(new ImportSummary.Unmatched("soldes-hiver", 1, 4)), s.unmatchedCampaigns());
        }
        // Each arm of the newsletter keeps its own line: what the A/B evaluation reads.
        assertEquals(List.of("2026-12-01 newsletter email a 12", "2026-12-01 newsletter email b 13",
                "2026-12-02 mastodon social  6"), stored("WHERE campaign = 'pain-au-levain' AND (content <> '' OR "
                + "day = '2026-12-02')"));
    }

    @Test
    void aLineWithoutCampaignIsCountedAsLeftAsideNotKept() throws Exception {
        AnalyticsFiles.Read read = AnalyticsFiles.read(plausibleExport(), AnalyticsFormat.PLAUSIBLE);
        assertEquals(5, read.rows().size());
        assertEquals(2, read.withoutCampaign(), "direct visits and a search engine carry no campaign");
    }

    @Test
    void plausibleDashboardDownloadKeepsCampaignTotalsOnThePeriodsFirstDay() throws Exception {
        Path zip = zip(dir.resolve("Plausible export levain.example.zip"), "plausible-dashboard", "visitors.csv",
                "utm_campaigns.csv", "utm_sources.csv");
        AnalyticsFiles.Read read = AnalyticsFiles.read(zip, AnalyticsFormat.AUTO);
        assertEquals(List.of(new WebRow(DEC_1, PAIN, "", "", "", 42, 0), new WebRow(DEC_1, "soldes-hiver", "", "",
                "", 4, 0)), read.rows(), "sources are in another file, not crossed with campaigns: left blank");
    }

    @Test
    void matomoApiExportReadsVisitsConversionsAndTheCampaignOfAFlattenedLabel() throws Exception {
        try (Workspace ws = workspace()) {
            ImportSummary s = ws.results().importFile(fixture("matomo-campaigns-api.csv"), AnalyticsFormat.AUTO);
            assertEquals("matomo", s.format());
            assertEquals(new WebTotals(23 + 8, 2 + 1), ws.results().webTotals(PAIN));
        }
    }

    @Test
    void matomoTsvForExcelInUtf16IsRead() throws Exception {
        String csv = Files.readString(fixture("matomo-campaigns-api.csv"));
        byte[] text = ("\ufeff" + csv.replace(',', '\t').replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_16LE);
        AnalyticsFiles.Read read = AnalyticsFiles.read("export.tsv", text, AnalyticsFormat.AUTO);
        assertEquals(AnalyticsFormat.MATOMO, read.format());
        assertEquals(new WebRow(DEC_1, PAIN, "", "", "", 23, 2), read.rows().get(0));
    }

    @Test
    void matomoFrenchInterfaceHeadersAreRead() throws Exception {
        AnalyticsFiles.Read read = AnalyticsFiles.read(fixture("matomo-campagnes-fr.csv"), AnalyticsFormat.AUTO);
        assertEquals(AnalyticsFormat.MATOMO, read.format());
        assertEquals(List.of(new WebRow(DEC_1, PAIN, "newsletter", "email", "a", 12, 1),
                new WebRow(DEC_1, PAIN, "newsletter", "email", "b", 14, 3)), read.rows());
    }

    @Test
    void ga4EnglishDownloadSkipsItsCommentsAndSplitsSourceMedium() throws Exception {
        AnalyticsFiles.Read read = AnalyticsFiles.read(fixture("ga4-traffic-acquisition-en.csv"),
                AnalyticsFormat.AUTO);
        assertEquals(AnalyticsFormat.GA4, read.format());
        assertEquals(List.of(new WebRow(DEC_1, PAIN, "mastodon", "social", "", 1204, 12),
                new WebRow(DEC_1, PAIN, "newsletter", "email", "", 310, 4),
                new WebRow(DEC_1.plusDays(1), "soldes-hiver", "bluesky", "social", "", 9, 0)), read.rows());
        assertEquals(2, read.withoutCampaign(), "(not set) and (direct) are no campaign");
    }

    @Test
    void ga4FrenchDownloadReadsNonBreakingSpacesAndDecimalCommas() throws Exception {
        try (Workspace ws = workspace()) {
            ImportSummary s = ws.results().importFile(fixture("ga4-acquisition-fr.csv"), AnalyticsFormat.GA4);
            assertEquals(2, s.matched());
            assertEquals(new WebTotals(1204 + 310, 12 + 3), ws.results().webTotals("atelier-velo"));
        }
    }

    @Test
    void aBlankLineInsideATableLosesNoLineButASecondTableIsNotReadAsData() {
        byte[] spreadsheet = "date,campaign,visitors\n2026-12-01,pain-au-levain,4\n\n2026-12-02,pain-au-levain,5\n"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(2, AnalyticsFiles.read("visites.csv", spreadsheet, AnalyticsFormat.AUTO).rows().size());
        byte[] twoTables = ("Session campaign,Date,Sessions\npain-au-levain,20261201,7\n\nNth day,Sessions\n0000,7\n")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(new WebRow(DEC_1, PAIN, "", "", "", 7, 0)),
                AnalyticsFiles.read("ga4.csv", twoTables, AnalyticsFormat.AUTO).rows());
    }

    @Test
    void plainFrenchCsvWithSemicolonsBomAndWindowsLineEnds() throws Exception {
        AnalyticsFiles.Read read = AnalyticsFiles.read(fixture("plain-fr.csv"), AnalyticsFormat.AUTO);
        assertEquals(AnalyticsFormat.CSV, read.format());
        assertEquals(List.of(new WebRow(DEC_1, PAIN, "brochure", "print", "", 1020, 2),
                new WebRow(DEC_1.plusDays(1), PAIN, "brochure", "print", "", 12, 0)), read.rows());
    }

    @Test
    void importingTheSameFileTwiceCountsNothingTwice() throws Exception {
        try (Workspace ws = workspace()) {
            Path file = fixture("plain-en.csv");
            ws.results().importFile(file, AnalyticsFormat.CSV);
            ImportSummary again = ws.results().importFile(file, AnalyticsFormat.AUTO);
            assertEquals(new WebTotals(78, 11), ws.results().webTotals(PAIN));
            assertEquals(List.of(new ImportSummary.Unmatched("old-campaign", 1, 3)), again.unmatchedCampaigns());
        }
    }

    @ParameterizedTest
    @CsvSource({"ga4-traffic-acquisition-en.csv, ga4", "ga4-acquisition-fr.csv, ga4",
        "matomo-campaigns-api.csv, matomo", "matomo-campagnes-fr.csv, matomo", "plain-en.csv, csv",
        "plain-fr.csv, csv", "plausible-export/imported_sources_20261124_20261207.csv, plausible"})
    void eachToolsFileIsRecognisedByItsHeader(String file, String format) throws Exception {
        assertEquals(format, AnalyticsFiles.read(fixture(file), AnalyticsFormat.AUTO).format().id());
    }

    @Test
    void aGa4FileForcedAsMatomoIsRefusedRatherThanMisread() throws Exception {
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> AnalyticsFiles.read(fixture("ga4-traffic-acquisition-en.csv"), AnalyticsFormat.MATOMO));
        assertEquals("results.import.error.noHeader", e.key());
    }

    @Test
    void aBadDateNamesItsLineAndNothingIsImported() throws Exception {
        Path file = dir.resolve("visites.csv");
        Files.writeString(file, "date,campaign,visitors\n2026-12-01,pain-au-levain,40\n2026-13-01,pain-au-levain,3\n");
        try (Workspace ws = workspace()) {
            WorkspaceException e = assertThrows(WorkspaceException.class,
                    () -> ws.results().importFile(file, AnalyticsFormat.AUTO));
            assertEquals("results.import.error.badDate", e.key());
            assertEquals("visites.csv, line 3: “2026-13-01” is not a date (expected 2026-12-01, 20261201 or "
                    + "01/12/2026). Nothing was imported.", e.localizedMessage(Locale.ENGLISH));
            assertTrue(e.localizedMessage(Locale.FRENCH).startsWith("visites.csv, ligne 3\u00a0:"),
                    e.localizedMessage(Locale.FRENCH));
            assertEquals(new WebTotals(0, 0), ws.results().webTotals(PAIN));
        }
        assertEquals(List.of(), stored(""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "date,campaign,visitors\\n2026-12-01,pain-au-levain,-4\\n | results.import.error.negative | 2",
        "date,campaign,visitors\\n2026-12-01,pain-au-levain,beaucoup\\n | results.import.error.badCount | 2",
        "date;campagne;visiteurs\\n01/12/2026;pain-au-levain;\"4\\n | results.import.error.malformed | 2",
        "nom,ville\\nDupont,Senlis\\n | results.import.error.unknownReport | ",
        "campaign,visitors\\npain-au-levain,4\\n | results.import.error.noDate | ",
        "'' | results.import.error.empty | ",
        " \\n\\n | results.import.error.empty | "})
    void aMalformedFileGetsOneLocalizedMessage(String text, String key, Integer line) throws Exception {
        Path file = dir.resolve("rapport.csv");
        Files.writeString(file, text.replace("\\n", "\n"));
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> AnalyticsFiles.read(file, AnalyticsFormat.AUTO));
        assertEquals(key, e.key());
        for (Locale l : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            String message = e.localizedMessage(l);
            assertTrue(message.startsWith("rapport.csv"), message);
            assertTrue(line == null || message.contains(" " + line + ":") || message.contains(" " + line + "\u00a0:")
                    || message.contains(" " + line + " "), message);
        }
    }

    @Test
    void aHugeBadCellIsQuotedShortInTheMessage() {
        byte[] file = ("date,campaign,visitors\n" + "9".repeat(100_000) + ",pain-au-levain,4\n")
                .getBytes(StandardCharsets.UTF_8);
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> AnalyticsFiles.read("visites.csv", file, AnalyticsFormat.AUTO));
        assertTrue(e.localizedMessage(Locale.ENGLISH).length() < 200, e.localizedMessage(Locale.ENGLISH));
    }

    @Test
    void aZipWithoutPlausiblesReportIsRefused() throws Exception {
        Path zip = dir.resolve("photos.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("vitrine.jpg"));
            out.write(new byte[] {1, 2, 3});
        }
        assertEquals("results.import.error.zipNoReport", assertThrows(WorkspaceException.class,
                () -> AnalyticsFiles.read(zip, AnalyticsFormat.AUTO)).key());
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 9, 9, 9});
        assertEquals("results.import.error.badZip", assertThrows(WorkspaceException.class,
                () -> AnalyticsFiles.read(zip, AnalyticsFormat.AUTO)).key());
        assertEquals("results.import.error.zipNotPlausible", assertThrows(WorkspaceException.class,
                () -> AnalyticsFiles.read(plausibleExport(), AnalyticsFormat.GA4)).key());
    }

    @Test
    void aSpreadsheetIsNotReadAsText() throws Exception {
        byte[] xls = new byte[64];
        xls[0] = (byte) 0xD0;
        xls[1] = (byte) 0xCF;
        assertEquals("results.import.error.binary", assertThrows(WorkspaceException.class,
                () -> AnalyticsFiles.read("visites.xls", xls, AnalyticsFormat.AUTO)).key());
        assertEquals(List.of(), AnalyticsFiles.read("vide.csv",
                "date,campaign,visitors\n".getBytes(StandardCharsets.UTF_8), AnalyticsFormat.CSV).rows());
    }

    /** The web_results lines of the closed workspace file, read with plain SQLite. */
    private List<String> stored(String where) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("levain.cristal"));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT day, source, medium, content, visitors FROM web_results "
                        + where + " ORDER BY day, source, content")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getLong(5));
            }
        }
        return out;
    }
}
