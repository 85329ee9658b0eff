package org.cristal.ui.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ConsentLedger;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.ImportField;
import org.cristal.library.audience.Purpose;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import wizard's view model on a real workspace and a real shop file (Windows-1252, semicolons). */
class ImportModelTest {
    @TempDir
    Path dir;
    Workspace ws;
    FxThread fx;
    Workers workers;
    ImportModel wizard;
    Path file;

    @BeforeEach
    void open() throws URISyntaxException {
        ws = Workspace.open(dir.resolve("shop.cristal"));
        fx = new FxThread();
        workers = Workers.start(fx::execute);
        ResourceBundle text = ResourceBundle.getBundle("org.cristal.ui.messages", Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        wizard = new ImportModel(workers, () -> ws, text, Locale.ENGLISH);
        file = Path.of(ImportModelTest.class.getResource("clients-boutique.csv").toURI());
    }

    @AfterEach
    void close() {
        workers.close();
        fx.close();
        ws.close();
    }

    private <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void theFileIsShownWithItsReportBeforeAnythingIsWrittenThenImportedAndUndone() throws Exception {
        await(fx.call(() -> wizard.open(file)));
        assertEquals(ImportModel.Step.PREVIEW, fx.call(() -> wizard.stepProperty().get()));
        String readAs = fx.call(() -> wizard.readAsProperty().get());
        assertTrue(readAs.contains("a plain contacts file") && readAs.contains("semicolons"), readAs);
        assertFalse(fx.call(() -> wizard.warningProperty().get()).isEmpty(), "a Windows-1252 file is flagged");
        String report = fx.call(() -> wizard.reportProperty().get());
        assertTrue(report.startsWith("5 rows in the file.\n3 new · 0 updated · 0 unchanged."), report);
        assertTrue(report.contains("1 without a valid address · 1 twice in the file"), report);
        assertTrue(report.contains("Consents to record: 0 given"), report);
        assertEquals(2, fx.call(() -> wizard.issues().size()));
        assertTrue(fx.call(() -> wizard.issues().get(0)).contains("4"), "the line of the bad address");
        assertEquals(ImportField.EMAIL, fx.call(() -> wizard.columns().get(2).field()));
        assertEquals(0, ws.audience().contacts().count(), "nothing written before Import");

        fx.run(() -> wizard.consentProofProperty().set("Each signed the newsletter card at the counter"));
        fx.await(() -> wizard.reportProperty().get().contains("Consents to record: 3 given"));

        assertTrue(await(fx.call(wizard::importNow)));
        assertEquals(3, ws.audience().contacts().count());
        long lea = ws.audience().contacts().find("lea@example.fr").orElseThrow().id();
        assertEquals("Léa", ws.audience().contacts().get(lea).orElseThrow().firstName(), "accents read right");
        assertEquals(ConsentLedger.State.GRANTED,
                ws.audience().consents().current(lea, ContactChannel.EMAIL, Purpose.MARKETING));
        assertEquals(ConsentMethod.IMPORT, ws.audience().consents().history(lea).get(0).event().method());
        assertTrue(fx.call(() -> wizard.resultProperty().get()).startsWith("Imported. 3 new"));

        assertTrue(await(fx.call(wizard::undo)));
        assertEquals(0, ws.audience().contacts().count());
        assertEquals("Import undone: 3 contacts removed, 0 given back their former details.",
                fx.call(() -> wizard.resultProperty().get()));
    }

    @Test
    void aColumnReadAsSomethingElseChangesTheReportAndWithoutAnAddressColumnNothingCanBeImported() throws Exception {
        ws.audience().contacts().save(ContactDraft.of("marc@example.fr"));
        ws.audience().forget("marc@example.fr");
        await(fx.call(() -> wizard.open(file)));
        assertTrue(fx.call(() -> wizard.reportProperty().get()).contains("· 1 erased or bounced before."),
                "an erased person is not brought back");

        await(fx.call(() -> wizard.remap("courriel", ImportField.IGNORE)));
        assertFalse(fx.call(wizard::canImport));
        assertTrue(fx.call(() -> wizard.warningProperty().get()).startsWith("No column was recognised"));
        assertFalse(await(fx.call(wizard::importNow)));

        await(fx.call(() -> wizard.remap("courriel", ImportField.EMAIL)));
        await(fx.call(() -> wizard.remap("ville", ImportField.IGNORE)));
        assertTrue(await(fx.call(wizard::importNow)));
        assertEquals("", ws.audience().contacts().find("lea@example.fr").orElseThrow().city());
        assertTrue(ws.audience().contacts().find("marc@example.fr").isEmpty());
    }
}
