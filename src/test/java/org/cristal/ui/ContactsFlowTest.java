package org.cristal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Audience;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentLedger;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ConsentRecord;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.Purpose;
import org.cristal.support.Corpus;
import org.cristal.ui.contacts.ContactDetailModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The contacts screen driven through the real window: find someone, read their consent, record one, erase them. */
@ExtendWith(ApplicationExtension.class)
class ContactsFlowTest {
    @TempDir
    Path dir;
    Studio studio;
    Path file;
    String storyTitle;

    @Start
    void start(Stage stage) throws Exception {
        file = dir.resolve("boulangerie.cristal");
        try (Workspace ws = Workspace.open(file)) {
            String story = ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain.md")), "").id();
            storyTitle = ws.stories().get(story).orElseThrow().story().title();
            Audience a = ws.audience();
            long helene = a.contacts().save(ContactDraft.of("helene.dupre@example.fr").withName("Hélène", "Dupré")
                    .withAddress("3 rue des Lilas", "60300", "Senlis", "FR").withTags(List.of("clients"))).contact().id();
            a.consents().record(helene, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                    Instant.parse("2026-11-02T09:00:00Z"), ConsentMethod.IN_PERSON, "in the shop",
                    "Signed the newsletter card at the counter"));
            a.deliveries().record(helene, 0, story, ContactChannel.EMAIL, Purpose.MARKETING, Delivery.Outcome.SENT, "");
            for (String[] p : List.of(new String[] {"marc@example.fr", "Marc", "Lefèvre"},
                    new String[] {"zoe@example.fr", "Zoé", "Martin"})) {
                a.contacts().save(ContactDraft.of(p[0]).withName(p[1], p[2]).withAddress("", "", "Chantilly", "FR"));
            }
        }
        studio = StudioUnderTest.start(stage, dir, file);
    }

    /** For a person to look at: target/snapshots/NAME.png. */
    static void snapshot(javafx.scene.Node node, String name) {
        javafx.scene.image.WritableImage image = node.getScene().getRoot().snapshot(null, null);
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage((int) image.getWidth(),
                (int) image.getHeight(), java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        try {
            Path d = Files.createDirectories(Path.of("target", "snapshots"));
            javax.imageio.ImageIO.write(out, "png", d.resolve(name + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<Contact> table(FxRobot robot) {
        return robot.lookup("#contactsTable").queryAs(TableView.class);
    }

    @Test
    void findSomeoneWithOrWithoutAccentsReadTheirConsentAndMessagesRecordAConsentAndEraseThem(FxRobot robot)
            throws Exception {
        waitFor(() -> studio.model().workspaceProperty().get() != null);
        robot.clickOn("#contactsButton");
        waitFor(() -> table(robot).getItems().size() == 3);
        assertEquals("1–3 of 3 found · 3 contacts in all", robot.lookup("#contactsSummary").queryLabeled().getText());

        robot.clickOn("#contactsSearch").write("helene");
        waitFor(() -> table(robot).getItems().size() == 1);
        assertEquals("Hélène Dupré", fx(() -> table(robot).getItems().get(0).fullName()));
        TextField search = robot.lookup("#contactsSearch").queryAs(TextField.class);
        robot.interact(() -> search.setText("LEFÈVRE"));
        waitFor(() -> table(robot).getItems().size() == 1 && table(robot).getItems().get(0).firstName().equals("Marc"));
        robot.interact(() -> search.setText("dupré senlis"));
        waitFor(() -> table(robot).getItems().size() == 1
                && table(robot).getItems().get(0).firstName().equals("Hélène"));

        robot.interact(() -> table(robot).getSelectionModel().select(0));
        waitFor(() -> robot.lookup("#contactEmail").queryAs(TextField.class).getText()
                .equals("helene.dupre@example.fr"));
        assertEquals("Hélène Dupré", robot.lookup("#contactTitle").queryLabeled().getText());

        robot.clickOn(robot.lookup("Consent").queryLabeled());
        ListView<ConsentRecord> history = robot.lookup("#consentHistory").queryListView();
        waitFor(() -> history.getItems().size() == 1);
        robot.clickOn(robot.lookup("Messages sent").queryLabeled());
        ListView<ContactDetailModel.Message> messages = robot.lookup("#contactMessages").queryListView();
        waitFor(() -> messages.getItems().size() == 1);
        assertEquals(storyTitle, fx(() -> messages.getItems().get(0).storyTitle()));

        // A grant for printed mail without its proof is refused, with a reason; with it, recorded.
        robot.clickOn(robot.lookup("Consent").queryLabeled());
        robot.interact(() -> robot.lookup("#consentChannel").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(ContactChannel.POSTAL));
        robot.clickOn("#consentRecord");
        waitFor(() -> robot.lookup("#consentProblem").queryLabeled().getText().startsWith("A consent needs its proof"));
        robot.clickOn("#consentProof").write("Ticked yes for the printed brochure on the card");
        robot.clickOn("#consentRecord");
        waitFor(() -> history.getItems().size() == 2);
        assertTrue(fx(() -> history.getItems().get(0).event().channel() == ContactChannel.POSTAL), "newest first");
        try (Workspace ws = Workspace.open(file)) {
            long id = ws.audience().contacts().find("helene.dupre@example.fr").orElseThrow().id();
            assertEquals(ConsentLedger.State.GRANTED,
                    ws.audience().consents().current(id, ContactChannel.POSTAL, Purpose.MARKETING));
        }

        robot.interact(() -> snapshot(robot.lookup("#contactsTabs").query(), "contacts-flow"));
        robot.clickOn("#contactErase");
        WaitForAsyncUtils.waitForFxEvents();
        // The question says what goes and what stays.
        waitFor(() -> robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().startsWith("Hélène Dupré <helene.dupre@example.fr> will be erased")
                && l.getText().contains("salted hash")).tryQuery().isPresent());
        robot.clickOn("#confirmErase");
        waitFor(() -> studio.model().workspaceProperty().get().audience().contacts().count() == 2);
        robot.interact(() -> search.setText(""));
        waitFor(() -> table(robot).getItems().size() == 2);
        assertTrue(fx(() -> table(robot).getItems().stream().noneMatch(c -> c.firstName().equals("Hélène"))));
        assertEquals("erased", fx(() -> studio.model().workspaceProperty().get().audience()
                .suppression("helene.dupre@example.fr", ContactChannel.EMAIL).orElseThrow()));
        assertTrue(robot.lookup("#contactNone").queryAs(Label.class).isVisible());
    }

    @Test
    void buildASegmentSeeItsCountWhileTypingAndShowItsPeople(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().workspaceProperty().get() != null);
        robot.clickOn("#contactsButton");
        waitFor(() -> table(robot).getItems().size() == 3);
        robot.clickOn(robot.lookup("Segments").queryLabeled());
        robot.clickOn("#segmentName").write("Chantilly");
        robot.clickOn("#segmentRule").write("vile = chantilly");
        waitFor(() -> robot.lookup("#segmentProblem").queryLabeled().getText().startsWith("Unknown field"));
        TextField rule = robot.lookup("#segmentRule").queryAs(TextField.class);
        robot.interact(() -> rule.setText("ville = chantilly"));
        waitFor(() -> robot.lookup("#segmentCount").queryLabeled().getText().equals("2 people match now."));
        assertTrue(robot.lookup("#segmentProblem").queryLabeled().getText().isEmpty());
        robot.clickOn("#segmentShow");
        waitFor(() -> table(robot).getItems().size() == 2);
        assertTrue(fx(() -> table(robot).getItems().stream().allMatch(c -> c.city().equals("Chantilly"))));
        javafx.scene.control.ListView<?> saved = robot.lookup("#segmentsList").queryListView();
        waitFor(() -> saved.getItems().size() == 1);
        assertEquals("Chantilly", fx(() -> studio.model().workspaceProperty().get().audience().segments().list()
                .get(0).name()));
    }
}
