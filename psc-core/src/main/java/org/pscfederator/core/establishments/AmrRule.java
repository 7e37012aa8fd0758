package org.pscfederator.core.establishments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an establishment's login must have asserted in its ID token's {@code amr} (RFC 8176) for PSC to accept it:
 * every value of {@code allOf}, and one of {@code anyOf} when it is not empty. The claim is read as the provider sent
 * it; anything but an array of strings is invalid, never coerced.
 */
public record AmrRule(Set<String> allOf, Set<String> anyOf) {

    /** RFC 8176 values are short tokens; this keeps a setting's typo or an odd value out of notes and logs. */
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    /** More values than any real login asserts is a malformed token. */
    private static final int MAX_VALUES = 32;

    public AmrRule {
        allOf = Set.copyOf(new LinkedHashSet<>(allOf));
        anyOf = Set.copyOf(new LinkedHashSet<>(anyOf));
        for (String value : union(allOf, anyOf)) {
            if (!VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("'" + value + "' is not an amr value (letters, digits, _ . : -)");
            }
        }
        if (allOf.isEmpty() && anyOf.isEmpty()) {
            throw new IllegalArgumentException("the rule asks for nothing");
        }
    }

    /** @throws IllegalArgumentException when a value is not an amr token */
    public static AmrRule parse(String allOf, String anyOf) {
        return new AmrRule(words(allOf), words(anyOf));
    }

    /** The verdict on the claim as the token carries it: a list, an array or a JSON array of strings. */
    public AmrVerdict verdict(Object amrClaim) {
        List<String> asserted = strings(amrClaim);
        if (asserted == null) {
            return AmrVerdict.invalid();
        }
        boolean allMet = asserted.containsAll(allOf);
        boolean anyMet = anyOf.isEmpty() || asserted.stream().anyMatch(anyOf::contains);
        if (!allMet || !anyMet) {
            return AmrVerdict.notMet();
        }
        return AmrVerdict.met(asserted.stream().filter(v -> allOf.contains(v) || anyOf.contains(v)).distinct()
                .toList());
    }

    /** The asserted values, or null when the claim is absent or not an array of amr tokens. */
    private static List<String> strings(Object claim) {
        Collection<?> items;
        if (claim instanceof Collection<?> collection) {
            items = collection;
        } else if (claim instanceof Object[] array) {
            items = Arrays.asList(array);
        } else if (claim instanceof JsonNode node && node.isArray()) {
            List<Object> values = new ArrayList<>();
            node.forEach(item -> values.add(item.isTextual() ? item.textValue() : item));
            items = values;
        } else {
            return null;
        }
        if (items.isEmpty() || items.size() > MAX_VALUES) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String value) || !VALUE.matcher(value).matches()) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private static Set<String> words(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(text.strip().split("\\s+")));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
