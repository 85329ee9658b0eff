package org.cristal.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.cristal.library.StoredStory;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactTokens;
import org.cristal.library.audience.CsvOut;
import org.cristal.library.audience.Purpose;
import org.cristal.library.audience.Reach;
import org.cristal.library.audience.Reach.LeftOut;
import org.cristal.library.audience.Sql;
import org.cristal.render.PaperSize;
import org.cristal.render.RenderOptions;
import org.cristal.render.brochure.LabelSheet;
import org.cristal.render.brochure.MailWindow;
import org.cristal.render.brochure.PersonalPrint;
import org.cristal.story.Brand;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;

/**
 * A personalised print run (docs/one-to-one.md): one brochure per contact of a segment with postal marketing
 * consent and an address, in a folder: {@code copies/0001-TOKEN.pdf} each (no name in a file name), the
 * merged print file sorted by postcode ({@code print-file.pdf}), its manifest ({@code manifest.csv}) and A4
 * labels ({@code labels.pdf}). Each copy written is a delivery of its contact, recorded once per run.
 */
public final class PrintJob {
    public static final String COPIES = "copies";
    public static final String MERGED = "print-file.pdf";
    public static final String MANIFEST = "manifest.csv";
    public static final String LABELS = "labels.pdf";

    /** How to print: paper, window side (null: by the brand's country), and the optional files. */
    public record Options(PaperSize paper, MailWindow window, boolean merged, boolean labels) {
    }

    /** What a run did: copies written (and recorded), whether it was cancelled, and the files written. */
    public record Result(int copies, int recorded, boolean cancelled, List<Path> files, int layouts) {
    }

    private final Workspace ws;

    public PrintJob(Workspace ws) {
        this.ws = ws;
    }

    /**
     * Who gets a copy of {@code storyId}, for the contacts of {@code segment} (named {@code segmentName}),
     * printed into {@code folder}. A contact already printed by this same run earlier keeps their copy even if
     * the frequency cap now holds them: it is the same piece of mail, not a new one.
     *
     * @throws PrintException when there is no such story or it cannot be read
     */
    public PrintPlan plan(String storyId, String segmentName, Sql segment, Path folder) {
        StoredStory stored = ws.stories().get(storyId)
                .orElseThrow(() -> new PrintException(null, "print.noStory", storyId));
        StoryDocument doc;
        try {
            doc = StoryDocument.parse(storyId, stored.source());
        } catch (StoryFormatException e) {
            throw new PrintException(e, "print.unreadableStory", storyId);
        }
        String brandId = doc.story().brand();
        Brand brand = brandId.isBlank() ? Brand.DEFAULT : ws.brands().get(brandId).orElse(Brand.DEFAULT);
        Reach reach = ws.audience().reach(segment, ContactChannel.POSTAL, Purpose.MARKETING);
        Set<Long> printed = ws.printRuns().find(storyId, stored.revision(), segmentName, key(folder))
                .map(ws.printRuns()::printed).orElse(Set.of());
        List<Reach.Member> members = new ArrayList<>(reach.members());
        Map<LeftOut, Integer> leftOut = new EnumMap<>(LeftOut.class);
        leftOut.putAll(reach.leftOut());
        for (Reach.Member held : reach.held()) {
            if (printed.contains(held.contactId())) {
                members.add(held);
                leftOut.merge(LeftOut.OVER_CAP, -1, Integer::sum);
            }
        }
        leftOut.values().removeIf(n -> n <= 0);
        ContactTokens tokens = ws.audience().tokens();
        String senderCountry = country(brand.contact().address());
        List<PrintCopy> copies = new ArrayList<>();
        int reprinted = 0;
        for (Reach.Member m : members) {
            Optional<Contact> c = ws.audience().contacts().get(m.contactId());
            if (c.isEmpty()) {
                continue; // erased meanwhile
            }
            copies.add(copy(c.get(), tokens.token(m.contactId()), m.fields(), senderCountry));
            if (printed.contains(m.contactId())) {
                reprinted++;
            }
        }
        copies.sort(Comparator.comparing((PrintCopy p) -> p.postcode().toUpperCase(Locale.ROOT))
                .thenComparing(p -> p.name().toLowerCase(Locale.ROOT)).thenComparingLong(PrintCopy::contactId));
        return new PrintPlan(storyId, stored.revision(), doc, brand, segmentName, copies, leftOut, reprinted);
    }

    private static PrintCopy copy(Contact c, String token, Map<String, String> fields, String senderCountry) {
        List<String> lines = new ArrayList<>();
        String name = c.fullName();
        lines.add(name);
        for (String street : c.street().split("\\R")) {
            if (!street.isBlank()) {
                lines.add(street.strip());
            }
        }
        lines.add((c.postcode().strip() + " " + c.city().strip()).strip());
        // The Universal Postal Union's rule: the country last, in capitals, only for mail sent abroad.
        String country = c.country().strip();
        if (!country.isEmpty() && !country.equalsIgnoreCase(senderCountry)) {
            lines.add(country.toUpperCase(Locale.ROOT));
        }
        return new PrintCopy(c.id(), token, name, lines, c.postcode().strip(), c.city().strip(), country, fields);
    }

    /** The last part of a postal address written on one line ("…, 60300 Senlis, France" → "France"). */
    static String country(String address) {
        String[] parts = address.strip().split("\\s*[,\\n]\\s*");
        String last = parts.length == 0 ? "" : parts[parts.length - 1];
        return last.matches(".*\\d.*") ? "" : last;
    }

    /**
     * Writes the copies and the files asked for into {@code folder}. Copies are recorded as deliveries once
     * written, also when the run is cancelled or fails half-way (only those written); the merged file, the
     * manifest and the labels are written only when every copy was.
     *
     * @throws PrintException when the folder cannot be written (a full disk, no permission)
     */
    public Result run(PrintPlan plan, Path folder, Options options, IntConsumer progress, BooleanSupplier cancelled) {
        Path copiesDir = folder.resolve(COPIES);
        try {
            Files.createDirectories(copiesDir);
        } catch (IOException | RuntimeException e) {
            throw new PrintException(e, "print.unwritable", folder);
        }
        RenderOptions render = RenderOptions.at(Instant.now()).withZone(ZoneId.systemDefault())
                .withAssets(ws.assetResolver()).withRemoteImages(false).withPaper(options.paper());
        MailWindow window = options.window() != null ? options.window() : MailWindow.forBrand(plan.brand());
        PersonalPrint printer = new PersonalPrint(plan.story().story(), plan.brand(), render, window);
        List<PersonalPrint.Recipient> recipients = plan.copies().stream()
                .map(c -> new PersonalPrint.Recipient(c.token(), c.address(), c.fields())).toList();
        List<Long> written = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        int[] page = {1};
        int recorded = 0;
        PersonalPrint.Result made;
        try {
            made = printer.print(recipients, copy -> {
                PrintCopy c = plan.copies().get(copy.index());
                Path file = copiesDir.resolve(fileName(copy.index(), c.token()));
                atomically(file, out -> out.write(copy.pdf()));
                written.add(c.contactId());
                pages.add(page[0] + "-" + (page[0] + copy.pages() - 1));
                page[0] += copy.pages();
            }, options.merged() ? folder.resolve(MERGED) : null, progress, cancelled);
            if (!made.cancelled()) {
                files.add(copiesDir);
                if (options.merged()) {
                    files.add(folder.resolve(MERGED));
                }
                atomically(folder.resolve(MANIFEST), out -> manifest(out, plan, pages, options.merged()));
                files.add(folder.resolve(MANIFEST));
                if (options.labels()) {
                    Path part = folder.resolve(LABELS + ".part");
                    LabelSheet.write(plan.copies().stream().map(PrintCopy::address).toList(), part);
                    Files.move(part, folder.resolve(LABELS), StandardCopyOption.REPLACE_EXISTING);
                    files.add(folder.resolve(LABELS));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new PrintException(e, "print.writeFailed", folder, reason(e));
        } finally {
            if (!written.isEmpty()) {
                recorded = ws.printRuns().record(ws.printRuns().open(plan.storyId(), plan.revision(), plan.segment(),
                        key(folder)), plan.storyId(), written);
            }
        }
        return new Result(written.size(), recorded, made.cancelled(), files, made.layouts());
    }

    /** A copy's file name: its place in the print order and the contact's token, never their name. */
    public static String fileName(int index, String token) {
        return String.format(Locale.ROOT, "%04d-%s.pdf", index + 1, token);
    }

    private static String key(Path folder) {
        return folder.toAbsolutePath().normalize().toString();
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    /** Written beside, then moved into place: a full disk never leaves a truncated file under the real name. */
    private static void atomically(Path file, Writing writing) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                writing.to(out);
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static void manifest(OutputStream stream, PrintPlan plan, List<String> pages, boolean merged)
            throws IOException {
        CsvOut csv = new CsvOut(stream);
        csv.row(List.of("sequence", "file", "pages", "name", "address", "postcode", "city", "country", "token"));
        for (int i = 0; i < plan.copies().size(); i++) {
            PrintCopy c = plan.copies().get(i);
            List<String> lines = c.address();
            // The lines between the name and the postcode line: the street, a building, a PO box.
            String street = String.join(" / ", lines.subList(1, Math.max(1, lines.size() - (lines.size() > 2
                    && lines.get(lines.size() - 1).equals(c.country().toUpperCase(Locale.ROOT)) ? 2 : 1))));
            csv.row(List.of(Integer.toString(i + 1), COPIES + "/" + fileName(i, c.token()), merged ? pages.get(i) : "",
                    c.name(), street, c.postcode(), c.city(), c.country(), c.token()));
        }
        csv.close();
    }
}
