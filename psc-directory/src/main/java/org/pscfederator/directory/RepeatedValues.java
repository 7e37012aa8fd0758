package org.pscfederator.directory;

/**
 * One shared String per distinct value of a column whose few values repeat millions of times (codes and their French
 * labels: "Médecin", "SA07"...). It saves an allocation per field and gives later lookups a cached hash. Bounded: at
 * most {@link #MAX_ENTRIES} values of at most {@link #MAX_LENGTH} characters are kept; others are created as usual.
 * Not thread-safe: one per column per read.
 */
final class RepeatedValues {

    static final int MAX_ENTRIES = 512;
    static final int MAX_LENGTH = 160;
    private static final int SLOTS = 2 * MAX_ENTRIES;

    private final String[] slots = new String[SLOTS];
    private int size;

    String get(char[] chars, int from, int length) {
        if (length > MAX_LENGTH) {
            return new String(chars, from, length);
        }
        int hash = 0;
        for (int i = from; i < from + length; i++) {
            hash = 31 * hash + chars[i];
        }
        // The same hash as String.hashCode(), spread so that similar codes do not cluster.
        int index = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        while (true) {
            String known = slots[index];
            if (known == null) {
                String created = new String(chars, from, length);
                if (size < MAX_ENTRIES) {
                    slots[index] = created;
                    size++;
                }
                return created;
            }
            if (known.hashCode() == hash && sameChars(known, chars, from, length)) {
                return known;
            }
            index = (index + 1) & (SLOTS - 1);
        }
    }

    private static boolean sameChars(String s, char[] chars, int from, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[from + i]) {
                return false;
            }
        }
        return true;
    }
}
