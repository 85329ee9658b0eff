package org.cristal.library.audience;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** A generated Mailchimp audience export of {@code n} people, the same for the same seed. */
final class MailchimpFile {
    private static final String[] FIRST = {"Hélène", "Paul", "Zoé", "Léon", "Marie", "Jean", "Chloé", "Noël", "Inès",
        "Hugo"};
    private static final String[] LAST = {"Dupré", "Martin", "Lefèvre", "Bernard", "Moreau", "Girard", "Faure", "Roux"};
    private static final String[] CITY = {"Senlis", "Chantilly", "Compiègne", "Crépy-en-Valois", "Paris"};

    private MailchimpFile() {
    }

    static byte[] of(int n, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(n * 260);
        b.append("Email Address,First Name,Last Name,Address,Phone Number,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,"
                + "CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,LAST_CHANGED,LEID,EUID,"
                + "NOTES,TAGS\n");
        for (int i = 0; i < n; i++) {
            String first = FIRST[r.nextInt(FIRST.length)];
            String last = LAST[r.nextInt(LAST.length)];
            String city = CITY[r.nextInt(CITY.length)];
            b.append("person").append(i).append('.').append(Folding.fold(last)).append("@example.fr,")
                    .append(first).append(',').append(last).append(",\"").append(r.nextInt(99) + 1)
                    .append(" rue des Lilas  ").append(city).append("  Oise  60").append(100 + r.nextInt(900))
                    .append("  FR\",+33 6 ").append(10 + r.nextInt(89)).append(" 00 00 00,").append(1 + r.nextInt(5))
                    .append(",\"2024-0").append(1 + r.nextInt(9)).append("-1").append(r.nextInt(10))
                    .append(" 09:12:45\",203.0.113.").append(r.nextInt(255)).append(",");
            if (r.nextBoolean()) {
                b.append("\"2024-10-01 10:00:00\",203.0.113.9");
            } else {
                b.append(',');
            }
            b.append(",49.2,2.58,1,2,Europe/Paris,FR,HDF,\"2024-10-01 10:00:00\",").append(1_000_000 + i)
                    .append(",e").append(Integer.toHexString(i)).append(',');
            if (i % 100 == 0) {
                b.append("\"Note sur\ndeux lignes\"");
            }
            b.append(",\"\"\"clients\"\",\"\"").append(i % 3 == 0 ? "vip" : "newsletter").append("\"\"\"\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
