package org.cristal.ui.preview;

import atlantafx.base.theme.Styles;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.cristal.story.Brand;
import org.cristal.story.EmailMessage;
import org.cristal.story.Rendition;
import org.kordamp.ikonli.feather.Feather;

/**
 * The email as an inbox shows it: sender, subject, the preheader greyed after it and the date, then the
 * HTML body at 600 px (the layout's width) or a phone's 375 px, and the plain-text part a click away.
 *
 * <p>The rendition's {@code html} is the standalone file, whose images are relative paths into
 * {@code files}; the {@code cid:} references exist only inside the assembled {@code eml}. Both carry
 * the same bytes, so the preview inlines the files as the web preview does.
 */
public final class EmailPreview extends BorderPane {
    public static final double DESKTOP_WIDTH = 600;
    public static final double MOBILE_WIDTH = 375;

    private final Locale locale;
    private final HtmlView html;
    private final TextArea plain = new TextArea();
    private final ToggleButton widthToggle;
    private final ToggleButton plainToggle;
    private final HBox controls;
    private final Label sender = new Label();
    private final Label address = new Label();
    private final Label date = new Label();
    private final Label subject = new Label();
    private final Label preheader = new Label();
    private final StackPane avatarSlot = new StackPane();
    private final VariantsStrip variants;
    private Brand brand = Brand.DEFAULT;
    private EmailHeaders headers = EmailHeaders.NONE;
    private String plainText = "";

    public EmailPreview(ResourceBundle text, Locale locale, Executor background) {
        this.locale = locale;
        this.variants = new VariantsStrip(text, locale);
        setId("emailPreview");
        html = new HtmlView(Widgets.format(text, locale, "preview.loading"), background);
        html.trace(TypingTrace.Stage.EMAIL_PREPARED, TypingTrace.Stage.EMAIL_PATCHED);
        widthToggle = Widgets.iconToggle("emailWidthToggle", Feather.SMARTPHONE,
                Widgets.format(text, locale, "preview.email.mobile"));
        plainToggle = Widgets.iconToggle("emailPlainToggle", Feather.ALIGN_LEFT,
                Widgets.format(text, locale, "preview.email.plain"));
        html.pageWidthProperty().bind(Bindings.when(widthToggle.selectedProperty())
                .then(MOBILE_WIDTH).otherwise(DESKTOP_WIDTH));
        controls = Widgets.controls(widthToggle, plainToggle);

        plain.setId("emailPlainText");
        plain.setEditable(false);
        plain.setWrapText(true);
        plain.getStyleClass().add("plain-text");
        plain.visibleProperty().bind(plainToggle.selectedProperty());
        plainToggle.selectedProperty().addListener((o, was, now) -> showPlainText());
        html.visibleProperty().bind(plainToggle.selectedProperty().not());
        // The plain part is read at the width mail apps wrap it at (about 72 columns), not the area's.
        plain.maxWidthProperty().bind(html.pageWidthProperty());

        setTop(new VBox(inboxHeader(), variants));
        StackPane body = new StackPane(html, plain);
        body.getStyleClass().add("email-body");
        setCenter(body);
    }

    private VBox inboxHeader() {
        subject.setId("emailSubject");
        preheader.setId("emailPreheader");
        sender.getStyleClass().add(Styles.TEXT_BOLD);
        address.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        date.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        date.setId("emailDate");
        subject.getStyleClass().addAll(Styles.TEXT_BOLD, "email-subject");
        preheader.getStyleClass().addAll(Styles.TEXT_MUTED, "email-preheader");
        HBox from = new HBox(6, sender, address, Widgets.spacer(), date);
        from.setAlignment(Pos.BASELINE_LEFT);
        VBox lines = new VBox(2, from, subject, preheader);
        HBox.setHgrow(lines, javafx.scene.layout.Priority.ALWAYS);
        lines.setMinWidth(0);
        HBox row = new HBox(10, avatarSlot, lines);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(row);
        header.getStyleClass().add("inbox-header");
        header.setPadding(new Insets(8, 12, 8, 12));
        return header;
    }

    public void show(Rendition<EmailMessage> rendition) {
        show(rendition.body());
    }

    public void show(EmailMessage message) {
        headers = EmailHeaders.of(message.eml());
        subject.setText(message.subject());
        preheader.setText(message.preheader());
        date.setText(headers.date().map(d -> d.format(DateTimeFormatter
                .ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale))).orElse(""));
        refreshSender();
        plainText = message.text();
        showPlainText();
        html.show(message.html(), message.files());
    }

    /**
     * The plain part is put in its text area only while it is shown: a hidden text area is still laid
     * out, and wrapping a 1,500-word text at every keystroke cost the FX thread more than the page patch.
     */
    private void showPlainText() {
        if (plainToggle.isSelected() && !Objects.equals(plain.getText(), plainText)) {
            double top = plain.getScrollTop();
            plain.setText(plainText);
            plain.setScrollTop(top);
        }
    }

    /** The story's A/B variants side by side above the message; none hides the strip. */
    public void showVariants(VariantSummary summary) {
        variants.show(summary == null ? VariantSummary.NONE : summary);
    }

    /** The brand whose name and colour stand in when the message names no sender. */
    public void setBrand(Brand brand) {
        this.brand = Objects.requireNonNullElse(brand, Brand.DEFAULT);
        refreshSender();
    }

    private void refreshSender() {
        String name = headers.senderName().isBlank() ? brand.name() : headers.senderName();
        sender.setText(name);
        address.setText(headers.senderAddress().isBlank() ? "" : "<" + headers.senderAddress() + ">");
        avatarSlot.getChildren().setAll(Avatar.of(name, brand.colors().primary(), 18));
    }

    /** Phone width (375 px) when true, the layout's 600 px when false. */
    public BooleanProperty mobileProperty() {
        return widthToggle.selectedProperty();
    }

    /** The plain-text part instead of the HTML when true. */
    public BooleanProperty plainTextProperty() {
        return plainToggle.selectedProperty();
    }

    /** This preview's own controls; the grid puts them in the quadrant's header. */
    public HBox controls() {
        return controls;
    }

    /** The HTML the preview loaded (images inlined, links inert), or null before the first message. */
    public String displayedHtml() {
        return html.displayedHtml();
    }

    /** True when the page on screen, fully loaded, contains {@code words}. */
    public boolean showsText(String words) {
        return html.showsText(words);
    }

    HtmlView htmlView() {
        return html;
    }
}
