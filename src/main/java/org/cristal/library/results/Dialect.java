package org.cristal.library.results;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one tool names the columns of its report: each accepted name (as {@link ReportText#header} writes it)
 * and what it holds. A header is this tool's when it names a campaign and visits, and, for a tool whose
 * names are common words, one of its own {@code markers} too (so a plain CSV is not taken for Matomo's).
 */
record Dialect(AnalyticsFormat format, Map<String, Role> names, Set<String> markers) {
    /** What a column holds. VISITS is preferred over VISITORS when a report has both. */
    enum Role {
        DAY, CAMPAIGN, SOURCE, MEDIUM, CONTENT,
        /** "source / medium" in one cell (GA4), or "source - medium" (Matomo). */
        SOURCE_MEDIUM,
        /** Matomo's flattened label, "campaign - keyword - content": only the campaign is kept. */
        LABEL,
        VISITS, VISITORS, CONVERSIONS
    }

    /** Builds the name table from pairs: role, then the names of that role. */
    static Map<String, Role> names(Object... roleThenNames) {
        Map<String, Role> out = new HashMap<>();
        Role role = null;
        for (Object o : roleThenNames) {
            if (o instanceof Role r) {
                role = r;
            } else {
                out.put(ReportText.header((String) o), role);
            }
        }
        return Map.copyOf(out);
    }

    /** The column of each role in {@code header}, the first column named for it winning; -1 when absent. */
    int[] columns(List<String> header) {
        int[] at = new int[Role.values().length];
        java.util.Arrays.fill(at, -1);
        for (int i = 0; i < header.size(); i++) {
            String h = ReportText.header(header.get(i));
            Role r = names.get(h);
            if (r == null) {
                r = prefixed(h);
            }
            if (r != null && at[r.ordinal()] < 0) {
                at[r.ordinal()] = i;
            }
        }
        return at;
    }

    /** GA4 names a key event column after the event ("Key events (purchase)"): the start is enough. */
    private Role prefixed(String h) {
        int paren = h.indexOf(" (");
        return paren > 0 ? names.get(h.substring(0, paren)) : null;
    }

    /** True when {@code header} is this tool's report (see the class comment). */
    boolean fits(List<String> header) {
        int[] at = columns(header);
        boolean campaign = at[Role.CAMPAIGN.ordinal()] >= 0 || at[Role.LABEL.ordinal()] >= 0;
        boolean visits = at[Role.VISITS.ordinal()] >= 0 || at[Role.VISITORS.ordinal()] >= 0;
        return campaign && visits && (markers.isEmpty()
                || header.stream().map(ReportText::header).anyMatch(markers::contains));
    }
}
