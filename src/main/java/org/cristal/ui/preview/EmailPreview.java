package org.cristal.ui.preview;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.cristal.story.EmailMessage;
import org.cristal.story.Rendition;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The email as an inbox shows it: sender, subject, the preheader line, then the message. */
final class EmailPreview {
    final Label sender = new Label();
    final Label subject = new Label();
    final Label preheader = new Label();
    final Label date = new Label();
    final HtmlFrame frame = new HtmlFrame("emailView");
    final TextArea plain = new TextArea();
    final ToggleButton mobile = new ToggleButton(null, new FontIcon(Feather.SMARTPHONE));
    final ToggleButton plainToggle = new ToggleButton(null, new FontIcon(Feather.FILE_TEXT));
    final Pane pane;
    private final BorderPane body = new BorderPane();

    EmailPreview(ResourceBundle text, Locale locale) {
        subject.setId("emailSubject");
        subject.getStyleClass().add("email-subject");
        preheader.setId("emailPreheader");
        preheader.getStyleClass().add("email-preheader");
        sender.getStyleClass().add("email-sender");
        date.getStyleClass().add("email-date");
        date.setText(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale)
                .format(ZonedDateTime.now(ZoneId.systemDefault())));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox header = new VBox(2, new HBox(6, sender, spacer, date), subject, preheader);
        header.getStyleClass().add("inbox-header");
        header.setPadding(new Insets(6, 10, 6, 10));
        plain.setId("emailPlain");
        plain.setEditable(false);
        plain.setWrapText(true);
        plain.getStyleClass().add("plain-text");
        body.setTop(header);
        body.setCenter(frame);
        mobile.setId("emailWidthToggle");
        mobile.setTooltip(new Tooltip(text.getString("preview.emailMobile")));
        mobile.setAccessibleText(text.getString("preview.emailMobile"));
        mobile.selectedProperty().addListener((o, a, b) -> frame.setContentWidth(b ? 375 : 0));
        plainToggle.setId("emailPlainToggle");
        plainToggle.setTooltip(new Tooltip(text.getString("preview.emailPlain")));
        plainToggle.setAccessibleText(text.getString("preview.emailPlain"));
        plainToggle.selectedProperty().addListener((o, a, b) -> body.setCenter(b ? plain : frame));
        pane = new Pane("emailPreview", Feather.MAIL, text.getString("channel.email"),
                text.getString("preview.maximise"), body);
        pane.controls.getChildren().addAll(mobile, plainToggle);
    }

    void show(Rendition<EmailMessage> email, String brandName) {
        EmailMessage m = email.body();
        sender.setText(brandName);
        subject.setText(m.subject());
        preheader.setText(m.preheader());
        plain.setText(m.text());
        frame.show(InlineImages.inline(m.html(), m.files()));
    }
}
