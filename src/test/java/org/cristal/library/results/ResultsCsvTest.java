package org.cristal.library.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsCsvTest {
    private static final StoryResults RESULTS = new StoryResults("pain", "Le pain", "pain",
            List.of(new ChannelFigures("newsletter", 1, 400, 0, 120, 9), new ChannelFigures("mastodon", 2, -1, 9, 12, 1),
                    new ChannelFigures("=cmd", 0, -1, 0, 0, 0)),
            new ChannelFigures(ChannelFigures.TOTAL, 3, 400, 9, 132, 10), List.of(), List.of());

    @Test
    void theChannelTableHasItsRangesAnUnknownReachLeftEmptyAndATotalLine() {
        assertEquals(String.join("\r\n",
                "channel,publications,reach,reactions,visitors,conversions,conversion_rate,rate_low,rate_high,"
                        + "too_few_to_tell",
                "newsletter,1,400,0,120,9,0.0750,0.0400,0.1364,no",
                "mastodon,2,,9,12,1,0.0833,0.0149,0.3539,yes",
                "'=cmd,0,,0,0,0,,,,yes",
                "(total),3,400,9,132,10,0.0758,0.0417,0.1338,no", ""), ResultsCsv.channels(RESULTS));
    }

    @Test
    void theFileStartsWithAByteOrderMarkSoASpreadsheetReadsAccents() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsCsv.write(RESULTS, out);
        byte[] b = out.toByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(b[0], b[1], b[2]));
        assertEquals(ResultsCsv.channels(RESULTS), new String(b, 3, b.length - 3, StandardCharsets.UTF_8));
    }
}
