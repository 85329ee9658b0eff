package org.cristal.cli;

import java.util.Optional;
import java.util.stream.Collectors;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Segment;
import org.cristal.library.audience.Sql;

/**
 * {@code --segment NAME} for the commands that take contacts ({@code contacts list}, {@code contacts export},
 * {@code publish}): the saved segment's contacts as an {@link Sql}, or one clear line naming the segments
 * there are.
 */
final class CliSegments {
    private CliSegments() {
    }

    /**
     * The contacts of the segment {@code name}; {@link Sql#ALL} when no name was given.
     *
     * @throws UserError when there is no segment of that name
     */
    static Sql resolve(Workspace ws, String name) {
        if (name == null) {
            return Sql.ALL;
        }
        var segments = ws.audience().segments();
        // An empty --segment "" names no segment here (resolve would take it for everyone).
        return (name.isBlank() ? Optional.<Sql>empty() : segments.resolve(name)).orElseThrow(() -> {
            String known = segments.list().stream().map(Segment::name).map(CliText::plain)
                    .collect(Collectors.joining(", "));
            return new UserError(known.isEmpty() ? CliText.get("segments.unknownNone", CliText.plain(name.strip()))
                    : CliText.get("segments.unknown", CliText.plain(name.strip()), known));
        });
    }
}
