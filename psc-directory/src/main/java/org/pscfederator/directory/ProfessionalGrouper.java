package org.pscfederator.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns a stream of lines into a stream of {@link Professional}s by grouping consecutive lines of one idNat; call
 * {@link #finish()} after the last line. It holds one professional's lines at a time. Optional: the storage layer
 * keys activities by idNat and can take lines directly. On a file not sorted by identifier, a professional whose
 * lines are apart comes out more than once, each time with part of its lines.
 */
public final class ProfessionalGrouper implements Consumer<ActivityLine> {

    private final Consumer<? super Professional> downstream;
    private final List<ActivityLine> pending = new ArrayList<>();

    public ProfessionalGrouper(Consumer<? super Professional> downstream) {
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    @Override
    public void accept(ActivityLine line) {
        if (!pending.isEmpty() && !pending.get(0).idNat().equals(line.idNat())) {
            flush();
        }
        pending.add(line);
    }

    /** Hands over the last professional. */
    public void finish() {
        if (!pending.isEmpty()) {
            flush();
        }
    }

    private void flush() {
        downstream.accept(Professional.of(pending));
        pending.clear();
    }
}
