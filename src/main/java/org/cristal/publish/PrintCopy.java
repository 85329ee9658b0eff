package org.cristal.publish;

import java.util.List;
import java.util.Map;

/**
 * One contact's copy. Personal data: goes only into the files the user asked for.
 *
 * @param address the address block's lines: name, street lines, postcode and city, country when abroad
 * @param fields  merge fields, as the newsletter has them
 */
public record PrintCopy(long contactId, String token, String name, List<String> address, String postcode,
        String city, String country, Map<String, String> fields) {
    public PrintCopy {
        address = List.copyOf(address);
        fields = Map.copyOf(fields);
    }
}
