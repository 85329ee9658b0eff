package org.cristal.render.common;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cristal.story.Asset;
import org.cristal.story.AssetResolver;
import org.cristal.story.Slugs;

/**
 * The images of one rendering: resolves each reference once through the options' resolver and gives
 * every distinct image a unique file name. Not thread-safe; make one per render.
 */
public final class ImageFiles {
    /** Why a reference gave no image. */
    public enum Failure { NOT_FOUND, NOT_AN_IMAGE }

    /** The outcome of resolving one reference: an image or the reason there is none. */
    public record Result(Optional<ImageFile> file, Failure failure) {
    }

    private final AssetResolver resolver;
    private final Map<String, Result> byReference = new HashMap<>();
    private final Map<String, ImageFile> byName = new LinkedHashMap<>();

    public ImageFiles(AssetResolver resolver) {
        this.resolver = resolver;
    }

    public Result resolve(String reference) {
        return byReference.computeIfAbsent(reference, this::load);
    }

    private Result load(String reference) {
        Optional<Asset> found;
        try {
            found = resolver.resolve(reference);
        } catch (RuntimeException e) {
            // A resolver is outside our control; a broken one must not break the preview.
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return new Result(Optional.empty(), Failure.NOT_FOUND);
        }
        Asset asset = found.get();
        if (!asset.isImage()) {
            return new Result(Optional.empty(), Failure.NOT_AN_IMAGE);
        }
        String base = fileName(asset.name().isBlank() ? reference : asset.name());
        String name = base;
        for (int n = 2; byName.containsKey(name); n++) {
            ImageFile same = byName.get(name);
            if (Arrays.equals(same.asset().bytes(), asset.bytes())) {
                return new Result(Optional.of(same), null);
            }
            name = numbered(base, n);
        }
        ImageFile file = new ImageFile(name, asset);
        byName.put(name, file);
        return new Result(Optional.of(file), null);
    }

    /** Every image resolved so far, as output files: {@code images/<name>} → bytes. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (ImageFile f : byName.values()) {
            out.put(f.path(), f.asset().bytes());
        }
        return out;
    }

    public List<ImageFile> images() {
        return List.copyOf(byName.values());
    }

    /** The last path segment, reduced to letters, digits, dots and dashes. */
    static String fileName(String reference) {
        String last = reference.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1).split("[?#]", 2)[0];
        String folded = Slugs.foldAccents(last).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < folded.length() && out.length() < 80; i++) {
            char c = folded.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            if (ok) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        String name = out.toString().replaceAll("^[.-]+", "");
        return name.isEmpty() ? "image" : name;
    }

    private static String numbered(String base, int n) {
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) + "-" + n + base.substring(dot) : base + "-" + n;
    }
}
