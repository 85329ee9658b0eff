package org.cristal.ui.results;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cristal.library.results.ChannelFigures;
import org.cristal.library.results.DayFigures;
import org.cristal.library.results.PublicationFigures;
import org.cristal.library.results.Rate;
import org.cristal.library.results.StoryRank;
import org.cristal.library.results.WeekResults;
import org.cristal.ui.Styles;

/**
 * The results screen: the story's channels side by side (the table with the numbers, beside a bar chart by
 * channel and the curve over time), its publications, its galaxy, a channel's stories ranked, the last
 * weeks; import an analytics file, export the chart as PNG and the table as CSV.
 */
final class ResultsView {
    /** What the buttons ask of the window: a file to read or write. */
    interface Files {
        Optional<Path> open();

        Optional<Path> save(String initialName);
    }

    private final ResourceBundle text;
    private final ResultsModel model;
    private final ResultsText figures;
    private final Consumer<String> links;
    private final Files files;
    private final TabPane tabs = new TabPane();
    private VBox charts;
    private Galaxy galaxy;

    ResultsView(ResourceBundle text, ResultsModel model, Consumer<String> links, Files files) {
        this.text = text;
        this.model = model;
        this.figures = model.figures();
        this.links = links;
        this.files = files;
    }

    Dialog<ButtonType> open(Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(javafx.stage.Modality.NONE);
        dialog.titleProperty().bind(model.titleProperty());
        dialog.setResizable(true);
        Styles.add(dialog);
        Tab story = new Tab(text.getString("results.tab.story"), storyTab());
        story.setId("resultsStoryTab");
        galaxy = new Galaxy(text, figures, links);
        model.resultsProperty().addListener((o, a, r) -> galaxy.show(r));
        Tab sky = new Tab(text.getString("results.tab.galaxy"), galaxy);
        sky.setId("resultsGalaxyTab");
        Tab channel = new Tab(text.getString("results.tab.channel"), channelTab());
        channel.setId("resultsChannelTab");
        Tab week = new Tab(text.getString("results.tab.week"), weekTab());
        week.setId("resultsWeekTab");
        Tab tests = new Tab(text.getString("results.tab.abtests"), new AbTestsPane(text, model, model.zone()));
        tests.setId("resultsAbTestsTab");
        tabs.getTabs().addAll(story, sky, channel, week, tests);
        tabs.setId("resultsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox content = new VBox(8, header(), tabs);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefSize(1200, 700);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(text.getString("dialog.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0)).setId("resultsClose");
        dialog.setOnHidden(e -> model.stopWatching());
        model.startWatching();
        dialog.show();
        Styles.size(dialog, 1240, 760);
        return dialog;
    }

    private Node header() {
        Label summary = new Label();
        summary.setId("resultsSummary");
        summary.textProperty().bind(model.summaryProperty());
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        Button importFile = new Button(text.getString("results.import"));
        importFile.setId("resultsImport");
        importFile.setOnAction(e -> files.open().ifPresent(model::importFile));
        Button csv = new Button(text.getString("results.exportCsv"));
        csv.setId("resultsExportCsv");
        csv.disableProperty().bind(model.resultsProperty().isNull());
        csv.setOnAction(e -> files.save(model.fileName("channels", "csv")).ifPresent(model::exportCsv));
        Button png = new Button(text.getString("results.exportPng"));
        png.setId("resultsExportPng");
        png.disableProperty().bind(model.resultsProperty().isNull());
        png.setOnAction(e -> exportChart());
        Button refresh = new Button(text.getString("results.refresh"));
        refresh.setId("resultsRefresh");
        refresh.setOnAction(e -> model.refresh());
        FlowPane actions = new FlowPane(8, 6, importFile, csv, png, refresh);
        Label message = new Label();
        message.setId("resultsMessage");
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add("field-help");
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Label problem = new Label();
        problem.setId("resultsProblem");
        problem.textProperty().bind(model.problemProperty());
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        return new VBox(6, summary, actions, message, problem);
    }

    /** The chart in view as a PNG: the galaxy on its tab, else the two charts of the story tab. */
    private void exportChart() {
        boolean onGalaxy = tabs.getSelectionModel().getSelectedItem().getContent() == galaxy;
        Node node = onGalaxy ? galaxy : charts;
        files.save(model.fileName(onGalaxy ? "galaxy" : "chart", "png")).ifPresent(file -> {
            try {
                PngExport.write(node, file);
                model.exported(file);
            } catch (IOException e) {
                model.exportFailed(file, e);
            }
        });
    }

    private Node storyTab() {
        TableView<ChannelFigures> table = new TableView<>(model.table());
        table.setId("resultsChannels");
        Label none = new Label();
        // While the figures are read, say so: "nothing came back" would be a wrong answer for a second.
        none.textProperty().bind(javafx.beans.binding.Bindings.when(model.loadingProperty())
                .then(text.getString("results.loading")).otherwise(text.getString("results.noChannels")));
        table.setPlaceholder(none);
        // The publications ride with the channel ("mastodon (2)"): one column less, so the rate and its range fit.
        table.getColumns().add(column("results.col.channel", f -> figures.format("results.channelCount",
                figures.channel(f.channel()), f.publications())));
        table.getColumns().add(column("results.col.reach", f -> figures.reach(f.reach())));
        table.getColumns().add(column("results.col.reactions", f -> figures.number(f.reactions())));
        table.getColumns().add(column("results.col.visitors", f -> figures.number(f.visitors())));
        table.getColumns().add(column("results.col.conversions", f -> figures.number(f.conversions())));
        table.getColumns().add(column("results.col.rate", f -> figures.rate(f.conversionRate())));
        widths(table, 150, 70, 86, 80, 100, 180);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(v -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(ChannelFigures f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().remove("results-total");
                if (!empty && f != null && ChannelFigures.TOTAL.equals(f.channel())) {
                    getStyleClass().add("results-total");
                }
            }
        });
        Label note = new Label(figures.format("results.note", Rate.MIN_TRIALS));
        note.setId("resultsNote");
        note.setWrapText(true);
        note.getStyleClass().add("field-help");
        note.setMinHeight(Region.USE_PREF_SIZE);
        VBox left = new VBox(8, table, note, publicationList());
        VBox.setVgrow(table, Priority.ALWAYS);
        charts = new VBox(8, barChart(), lineChart());
        charts.setId("resultsCharts");
        // The charts give way to the table: the numbers are read first, the charts only show their shape.
        charts.setMinWidth(280);
        charts.setPrefWidth(480);
        charts.setMaxWidth(760);
        charts.getStyleClass().add("results-charts");
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(charts, Priority.ALWAYS);
        left.setMinWidth(0);
        left.setPrefWidth(640);
        HBox box = new HBox(12, left, charts);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private Node publicationList() {
        ListView<PublicationFigures> list = new ListView<>(model.publications());
        list.setId("resultsPublications");
        list.setPrefHeight(170);
        list.setPlaceholder(new Label(text.getString("results.noPublications")));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(figures.locale()).withZone(ZoneId.systemDefault());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PublicationFigures p, boolean empty) {
                super.updateItem(p, empty);
                setText(null);
                if (empty || p == null) {
                    setGraphic(null);
                    return;
                }
                Label what = new Label(figures.format("results.publication", p.channel(), p.target(),
                        when.format(p.publishedAt()), p.reactions(), figures.reach(p.reach())));
                what.setWrapText(true);
                VBox box = new VBox(2, what);
                p.fetch().filter(f -> !f.message().isBlank()).ifPresent(f -> {
                    Label why = new Label(f.message());
                    why.getStyleClass().add("field-help");
                    why.setWrapText(true);
                    box.getChildren().add(why);
                });
                if (!p.url().isBlank()) {
                    Hyperlink link = new Hyperlink(p.url());
                    link.setOnAction(x -> links.accept(p.url()));
                    box.getChildren().add(link);
                }
                box.setMaxWidth(Double.MAX_VALUE);
                setGraphic(box);
            }
        });
        return list;
    }

    private Node barChart() {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = axis();
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("resultsBarChart");
        chart.setTitle(text.getString("results.chart.byChannel"));
        chart.setAnimated(false);
        chart.setPrefHeight(300);
        chart.setMinWidth(260);
        Runnable fill = () -> {
            XYChart.Series<String, Number> reactions = new XYChart.Series<>();
            reactions.setName(text.getString("results.col.reactions"));
            XYChart.Series<String, Number> visitors = new XYChart.Series<>();
            visitors.setName(text.getString("results.col.visitors"));
            XYChart.Series<String, Number> conversions = new XYChart.Series<>();
            conversions.setName(text.getString("results.col.conversions"));
            for (ChannelFigures f : model.table()) {
                if (!ChannelFigures.TOTAL.equals(f.channel())) {
                    String name = figures.channel(f.channel());
                    reactions.getData().add(new XYChart.Data<>(name, f.reactions()));
                    visitors.getData().add(new XYChart.Data<>(name, f.visitors()));
                    conversions.getData().add(new XYChart.Data<>(name, f.conversions()));
                }
            }
            chart.getData().setAll(java.util.List.of(reactions, visitors, conversions));
        };
        model.table().addListener((ListChangeListener<ChannelFigures>) c -> fill.run());
        fill.run();
        return chart;
    }

    private Node lineChart() {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = axis();
        LineChart<String, Number> chart = new LineChart<>(x, y);
        chart.setId("resultsLineChart");
        chart.setTitle(text.getString("results.chart.overTime"));
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(300);
        chart.setMinWidth(260);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(figures.locale());
        Runnable fill = () -> {
            XYChart.Series<String, Number> reactions = new XYChart.Series<>();
            reactions.setName(text.getString("results.chart.reactionsPerDay"));
            XYChart.Series<String, Number> visitors = new XYChart.Series<>();
            visitors.setName(text.getString("results.chart.visitorsPerDay"));
            for (DayFigures d : model.days()) {
                String label = day.format(d.day());
                reactions.getData().add(new XYChart.Data<>(label, d.reactions()));
                visitors.getData().add(new XYChart.Data<>(label, d.visitors()));
            }
            chart.getData().setAll(java.util.List.of(reactions, visitors));
        };
        model.days().addListener((ListChangeListener<DayFigures>) c -> fill.run());
        fill.run();
        return chart;
    }

    private Node channelTab() {
        ComboBox<String> choice = new ComboBox<>(model.channels());
        choice.setId("resultsChannelChoice");
        choice.valueProperty().bindBidirectional(model.channelProperty());
        // Visits without a source tag are a channel too: named in words, not shown as an empty line.
        choice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String key) {
                return key == null ? "" : figures.channel(key);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        Label label = new Label(text.getString("results.channel.choose"));
        label.setLabelFor(choice);
        HBox top = new HBox(8, label, choice);
        top.setAlignment(Pos.CENTER_LEFT);
        TableView<StoryRank> table = new TableView<>(model.ranking());
        table.setId("resultsRanking");
        table.setPlaceholder(new Label(text.getString("results.noChannels")));
        table.getColumns().add(rankColumn("results.col.place", r -> r.place() == 0 ? "–" : figures.number(r.place())));
        table.getColumns().add(rankColumn("results.col.story", StoryRank::title));
        table.getColumns().add(rankColumn("results.col.publications", r -> figures.number(r.figures().publications())));
        table.getColumns().add(rankColumn("results.col.reactions", r -> figures.number(r.figures().reactions())));
        table.getColumns().add(rankColumn("results.col.visitors", r -> figures.number(r.figures().visitors())));
        table.getColumns().add(rankColumn("results.col.conversions", r -> figures.number(r.figures().conversions())));
        table.getColumns().add(rankColumn("results.col.rate", r -> figures.rate(r.conversionRate())));
        widths(table, 60, 300, 96, 84, 78, 100, 240);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label note = new Label(figures.format("results.channel.note", Rate.MIN_TRIALS));
        note.setWrapText(true);
        note.getStyleClass().add("field-help");
        note.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(8, top, table, note);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private Node weekTab() {
        TableView<WeekResults> table = new TableView<>(model.weeks());
        table.setId("resultsWeeks");
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(figures.locale());
        TableColumn<WeekResults, String> week = weekColumn("results.col.week", w -> day.format(w.monday()));
        TableColumn<WeekResults, String> out = weekColumn("results.col.wentOut", w -> w.wentOut().isEmpty() ? "–"
                : w.wentOut().stream().map(p -> figures.format("results.wentOut", p.title(), p.channel()))
                        .collect(Collectors.joining("\n")));
        out.setPrefWidth(420);
        table.getColumns().add(week);
        table.getColumns().add(out);
        table.getColumns().add(weekColumn("results.col.reactions", w -> figures.number(w.reactions())));
        table.getColumns().add(weekColumn("results.col.visitors", w -> figures.number(w.visitors())));
        table.getColumns().add(weekColumn("results.col.conversions", w -> figures.number(w.conversions())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label note = new Label(text.getString("results.week.note"));
        note.setWrapText(true);
        note.getStyleClass().add("field-help");
        note.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(8, table, note);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    /** Columns as wide as their words: a header cut to "Réa…" says nothing. */
    private static void widths(TableView<?> table, double... widths) {
        for (int i = 0; i < widths.length; i++) {
            table.getColumns().get(i).setPrefWidth(widths[i]);
            table.getColumns().get(i).setMinWidth(Math.min(widths[i], 90));
        }
    }

    /** Axis numbers in the user's language (1 000 in French, not 1,000). */
    private NumberAxis axis() {
        NumberAxis y = new NumberAxis();
        java.text.NumberFormat n = java.text.NumberFormat.getIntegerInstance(figures.locale());
        y.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number v) {
                return n.format(v);
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
        y.setMinorTickVisible(false);
        return y;
    }

    private <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(text.getString(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private TableColumn<StoryRank, String> rankColumn(String key, Function<StoryRank, String> value) {
        return column(key, value);
    }

    private TableColumn<WeekResults, String> weekColumn(String key, Function<WeekResults, String> value) {
        return column(key, value);
    }
}
