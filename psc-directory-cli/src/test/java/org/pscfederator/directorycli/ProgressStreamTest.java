package org.pscfederator.directorycli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProgressStreamTest {

    @Test
    void countsBytesAndLinesAsTheyAreRead() throws Exception {
        ProgressStream stream = new ProgressStream(new ByteArrayInputStream(
                "a|b|\nc|d|\né|f|\n".getBytes(StandardCharsets.UTF_8)));

        stream.read();
        byte[] rest = stream.readAllBytes();

        assertThat(stream.bytes()).isEqualTo(1 + rest.length).isEqualTo(16);
        assertThat(stream.lines()).isEqualTo(3);
    }

    @Test
    void cancelledStreamStopsTheReader() throws Exception {
        ProgressStream stream = new ProgressStream(new ByteArrayInputStream(new byte[100]));
        stream.read(new byte[10], 0, 10);

        stream.cancel();

        assertThatThrownBy(() -> stream.read(new byte[10], 0, 10)).isInstanceOf(InterruptedIOException.class);
        assertThatThrownBy(stream::read).isInstanceOf(InterruptedIOException.class);
    }
}
