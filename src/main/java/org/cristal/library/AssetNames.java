package org.cristal.library;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Turns a reference written in a story ({@code ../images/hero.jpg}, {@code ./x.png},
 * {@code images\logo.png}) into the name an asset is stored under ({@code images/hero.jpg}).
 * Stories live in a {@code stories/} folder, so the leading {@code ..} that climbs out of it is
 * dropped; anything that is not a plain relative path (URL, absolute path) has no name.
 */
final class AssetNames {
    private static final int MAX_LENGTH = 255;

    private AssetNames() {
    }

    static Optional<String> normalize(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String ref = org.cristal.story.Urls.decodePath(reference.strip().replace('\\', '/').split("[?#]", 2)[0]);
        if (ref.isEmpty() || ref.contains(":") || ref.startsWith("/") || ref.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : ref.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
                continue;
            }
            parts.addLast(part);
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String name = String.join("/", parts);
        return name.length() > MAX_LENGTH ? Optional.empty() : Optional.of(name);
    }

    static String fileName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
