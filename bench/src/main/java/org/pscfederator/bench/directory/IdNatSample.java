package org.pscfederator.bench.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.pscfederator.directory.NationalColumn;

/** Random idNats of a national file (reservoir sampling over its lines: one pass, bounded memory). */
final class IdNatSample {

    private static final int ID_NAT_COLUMN = NationalColumn.IDENTIFICATION_NATIONALE_PP.ordinal();

    private IdNatSample() {
    }

    static List<String> draw(Path file, int size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> reservoir = new ArrayList<>(size);
        long distinct = 0;
        String previous = null;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String idNat = column(line);
                // The file is sorted by idNat: a professional's lines are together, so one draw per professional.
                if (idNat.isEmpty() || idNat.equals(previous)) {
                    continue;
                }
                previous = idNat;
                distinct++;
                if (reservoir.size() < size) {
                    reservoir.add(idNat);
                } else {
                    long slot = random.nextLong(distinct);
                    if (slot < size) {
                        reservoir.set((int) slot, idNat);
                    }
                }
            }
        }
        if (reservoir.isEmpty()) {
            throw new IOException(file + " holds no professional");
        }
        return List.copyOf(reservoir);
    }

    private static String column(String line) {
        int start = 0;
        for (int i = 0; i < ID_NAT_COLUMN; i++) {
            start = line.indexOf('|', start) + 1;
            if (start == 0) {
                return "";
            }
        }
        int end = line.indexOf('|', start);
        return end < 0 ? "" : line.substring(start, end);
    }
}
