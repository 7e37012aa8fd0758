package org.pscfederator.bench.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HAProxy's runtime API on its admin socket ({@code stats socket ... level admin}), as {@code bin/psc-cluster}
 * configures it: the state of the nodes, and taking one out of the rotation or putting it back.
 */
public final class HaproxyRuntime {

    public static final String BACKEND = "nodes";
    /** The backend of the e-CPS calls the nodes hold open, whose servers follow the state of {@link #BACKEND}'s. */
    public static final String WAITS_BACKEND = "waits";

    private final Path socket;

    public HaproxyRuntime(Path socket) {
        this.socket = socket;
    }

    /** One node as HAProxy sees it: its status (UP, DOWN, DRAIN, MAINT...) and the requests it was sent. */
    public record Node(String name, String status, long requests) {
    }

    /** The nodes of the backend, in the config's order. */
    public List<Node> nodes() throws IOException {
        List<Node> nodes = new ArrayList<>();
        for (Map<String, String> row : servers(BACKEND)) {
            nodes.add(new Node(row.get("svname"), row.get("status"), count(row.get("stot"))));
        }
        return nodes;
    }

    /** What a backend's server is doing now: the requests it serves and the ones waiting in HAProxy's queue for it. */
    public record Load(String name, long current, long queued) {
    }

    /** The servers of {@code backend} now, in the config's order. */
    public List<Load> load(String backend) throws IOException {
        List<Load> load = new ArrayList<>();
        for (Map<String, String> row : servers(backend)) {
            load.add(new Load(row.get("svname"), count(row.get("scur")), count(row.get("qcur"))));
        }
        return load;
    }

    /** The rows of {@code show stat} (its CSV, named by its header) for the servers of {@code backend}. */
    private List<Map<String, String>> servers(String backend) throws IOException {
        String[] lines = command("show stat").split("\n");
        if (lines.length == 0 || !lines[0].startsWith("# ")) {
            throw new IOException("HAProxy's answer to show stat is not its CSV: " + lines[0]);
        }
        String[] columns = lines[0].substring(2).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int column = 0; column < Math.min(columns.length, fields.length); column++) {
                row.put(columns[column], fields[column]);
            }
            if (backend.equals(row.get("pxname")) && !"BACKEND".equals(row.get("svname"))) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static long count(String field) {
        return field == null || field.isEmpty() ? 0 : Long.parseLong(field);
    }

    /** Requests sent to each node so far, by name. */
    public Map<String, Long> requestsByNode() throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        nodes().forEach(node -> counts.put(node.name(), node.requests()));
        return counts;
    }

    /** {@code state}: {@code ready}, {@code drain} (no new request, the running ones end) or {@code maint}. */
    public void setState(String node, String state) throws IOException {
        String answer = command("set server " + BACKEND + "/" + node + " state " + state).strip();
        if (!answer.isEmpty()) {
            throw new IOException("HAProxy refused to set " + node + " " + state + ": " + answer);
        }
    }

    /** Sends one command and reads the answer to the end (HAProxy closes the connection after it). */
    public String command(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                answer.write(buffer.array(), 0, buffer.limit());
                buffer.clear();
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
