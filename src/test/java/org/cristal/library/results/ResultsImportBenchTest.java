package org.cristal.library.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's generated reports are real ones: both formats read whole, to the same figures. */
class ResultsImportBenchTest {
    @Test
    void theGeneratedGa4DownloadReadsToTheSameFiguresAsThePlainCsv() {
        List<WebRow> plain = AnalyticsFiles.read("plain.csv", ResultsImportBench.plainCsv(5_000),
                AnalyticsFormat.AUTO).rows();
        AnalyticsFiles.Read ga4 = AnalyticsFiles.read("ga4.csv", ResultsImportBench.ga4Csv(5_000), AnalyticsFormat.AUTO);
        assertEquals(AnalyticsFormat.GA4, ga4.format());
        assertEquals(5_000, ga4.rows().size());
        assertEquals(plain, ga4.rows(), "\"1,234\" sessions and 20260101 dates read as the plain file's figures");
    }
}
