package org.cristal.render.brochure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Address labels on A4 sheets in the Avery L7160 / J8160 layout (sold as "21 per sheet" in Europe): 3 columns
 * of 7 labels, each 63.5 × 38.1 mm, 15.15 mm from the top and 7.25 mm from the left edge, columns 66.04 mm
 * apart (2.54 mm gaps), rows touching. Labels follow the order given, row by row.
 */
public final class LabelSheet {
    public static final int COLUMNS = 3;
    public static final int ROWS = 7;
    static final double WIDTH_MM = 63.5;
    static final double HEIGHT_MM = 38.1;
    static final double TOP_MM = 15.15;
    static final double LEFT_MM = 7.25;
    static final double PITCH_MM = 66.04;
    /** Text keeps clear of the label's edge: a sheet fed slightly askew still prints inside. */
    private static final double PADDING_MM = 5;

    private LabelSheet() {
    }

    /** Writes one label per address (its lines) to {@code file}. */
    public static void write(List<List<String>> addresses, Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            MailOverlay text = new MailOverlay(doc);
            PDPageContentStream cs = null;
            PDRectangle a4 = new PDRectangle(210 * MailOverlay.PT, 297 * MailOverlay.PT);
            try {
                for (int i = 0; i < addresses.size(); i++) {
                    int slot = i % (COLUMNS * ROWS);
                    if (slot == 0) {
                        if (cs != null) {
                            cs.close();
                        }
                        PDPage page = new PDPage(a4);
                        doc.addPage(page);
                        cs = new PDPageContentStream(doc, page);
                    }
                    double x = LEFT_MM + (slot % COLUMNS) * PITCH_MM;
                    double y = TOP_MM + (slot / COLUMNS) * HEIGHT_MM;
                    text.label(cs, a4, addresses.get(i), x + PADDING_MM, y + PADDING_MM, WIDTH_MM - 2 * PADDING_MM,
                            HEIGHT_MM - 2 * PADDING_MM);
                }
            } finally {
                if (cs != null) {
                    cs.close();
                }
            }
            doc.getDocumentInformation().setProducer("Cristal");
            doc.save(file.toFile());
        }
    }
}
