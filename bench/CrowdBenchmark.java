import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A crowd of bidders sending their tenders at the same moment (issue 15, parts 3 and 10), against a running Levelfield
 * started from the packaged jar, from a JVM of its own (as browsers are not in the service's JVM).
 * <p>
 * COUNT organisations, each with a bidder account "PREFIX-1" to "PREFIX-COUNT" (made by {@code seed_crowd} in
 * bench/readiness.sh) and signed in beforehand, send a complete tender each, at once, over connections opened
 * beforehand: first for the demo round's first lot (the first burst of tenders the service has taken since it started),
 * then, PAUSE seconds later, for its second lot (the crowd). One thread writes every request, one after another, as the
 * network delivers requests from many browsers; one platform thread per connection waits for its answer, blocked in its
 * read from before the first write.
 * <p>
 * For each burst it prints the answers' statuses and, in milliseconds (min / median / p95 / max):
 * <ul>
 * <li>the lag: the receipt's time ({@code receivedAt}, taken by the service as the request arrived) minus the moment this
 * client wrote the request to its socket (the same machine, so the same clock): the target is every one within
 * 100 ms;</li>
 * <li>the answer: from that write to the last byte of the answer.</li>
 * </ul>
 * Run with: bash bench/run-crowd.sh (starts the service on a fresh database), or as the last phase of bench/run-load.sh.
 */
public class CrowdBenchmark {

    static final String BASE = System.getProperty("base", "http://localhost:8080");
    static final int COUNT = Integer.getInteger("count", 200);
    static final String PREFIX = System.getProperty("prefix", "crowd");
    static final String PASSWORD = System.getProperty("password", "levelfield-demo");
    static final int PAUSE = Integer.getInteger("pause", 10);

    public static void main(String[] args) throws Exception {
        URI base = URI.create(BASE);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<String> tokens = signIn(client);
        Map<?, ?> round = firstRound(client, tokens.get(0));
        List<?> lots = (List<?>) round.get("lots");
        if (lots.size() < 2) {
            throw new IllegalStateException("the round " + round.get("id") + " has " + lots.size() + " lot(s); the benchmark needs two");
        }
        System.out.printf("%d organisations send a tender each at once, to round %s, against %s%n", COUNT, round.get("id"), BASE);
        burst("first burst after the start (lot 1)", base, tokens, round, (Map<?, ?>) lots.get(0));
        Thread.sleep(PAUSE * 1000L);
        burst("the crowd, " + PAUSE + " s later (lot 2)", base, tokens, round, (Map<?, ?>) lots.get(1));
    }

    /** Signs every crowd account in (four at a time: each sign-in checks a password hash, which takes a while on purpose). */
    static List<String> signIn(HttpClient client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 1; i <= COUNT; i++) {
            String name = PREFIX + "-" + i;
            futures.add(pool.submit(() -> {
                String answer = post(client, "/api/login", Json.write(Map.of("username", name, "password", PASSWORD)), null);
                Object token = ((Map<?, ?>) Json.parse(answer)).get("access_token");
                if (token == null) {
                    throw new IllegalStateException(name + " could not sign in: " + answer + " (was bench/readiness.sh's seed_crowd run?)");
                }
                return (String) token;
            }));
        }
        List<String> tokens = new ArrayList<>();
        for (Future<String> f : futures) {
            tokens.add(f.get());
        }
        pool.shutdown();
        return tokens;
    }

    static Map<?, ?> firstRound(HttpClient client, String token) throws Exception {
        List<?> rounds = (List<?>) Json.parse(get(client, "/api/rounds", token));
        if (rounds.isEmpty()) {
            throw new IllegalStateException("no round open to bidders at " + BASE);
        }
        Object id = ((Map<?, ?>) rounds.get(0)).get("id");
        return (Map<?, ?>) Json.parse(get(client, "/api/rounds/" + id, token));
    }

    /** A complete tender for the lot: a price within its value, an answer to each scored criterion, clean declarations. */
    static String tender(Map<?, ?> lot) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Object c : (List<?>) lot.get("criteria")) {
            Map<?, ?> criterion = (Map<?, ?>) c;
            if (!"PRICE".equals(criterion.get("kind")) && !Boolean.FALSE.equals(criterion.get("scored"))) {
                answers.add(Map.of("criterionId", criterion.get("id"), "answer", "Our plan for " + criterion.get("title") + ", section 2."));
            }
        }
        long value = ((Number) lot.get("valueInclVatPence")).longValue();
        Map<String, Object> declarations = new LinkedHashMap<>();
        declarations.put("mandatoryExclusionGround", false);
        declarations.put("discretionaryExclusionGround", false);
        declarations.put("recurrenceLikely", false);
        declarations.put("equalityLawFindings", 0);
        declarations.put("conflictOfInterest", false);
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (String duty : List.of("RACE", "DISABILITY", "SEX")) {
            evidence.add(Map.of("duty", duty, "type", "PLAN", "description", "Costed delivery plan for the " + duty.toLowerCase() + " duty, with named staff"));
        }
        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("pricePence", value * 8 / 10);
        tender.put("vatBasis", "EXCLUDING_VAT");
        tender.put("answers", answers);
        tender.put("declarations", declarations);
        tender.put("equalityEvidence", evidence);
        tender.put("monitoringPlan", Map.of("characteristics", List.of("RACE", "DISABILITY", "SEX", "AGE"), "frequency", "QUARTERLY",
                "description", "Outcomes and access reported by characteristic each quarter", "dataProtectionSafeguards", true));
        return Json.write(tender);
    }

    static void burst(String label, URI base, List<String> tokens, Map<?, ?> round, Map<?, ?> lot) throws Exception {
        byte[] json = tender(lot).getBytes(StandardCharsets.UTF_8);
        String path = "/api/rounds/" + round.get("id") + "/lots/" + lot.get("id") + "/tenders";
        int n = tokens.size();
        byte[][] requests = new byte[n][];
        Socket[] sockets = new Socket[n];
        for (int i = 0; i < n; i++) {
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + tokens.get(i)
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length + "\r\nConnection: close\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            requests[i] = new byte[h.length + json.length];
            System.arraycopy(h, 0, requests[i], 0, h.length);
            System.arraycopy(json, 0, requests[i], h.length, json.length);
            sockets[i] = new Socket(base.getHost(), base.getPort());
            sockets[i].setTcpNoDelay(true);
        }
        long[] sentNanos = new long[n];
        Instant[] sent = new Instant[n];
        ExecutorService readers = Executors.newFixedThreadPool(n);
        List<Future<String>> answers = new ArrayList<>();
        long[] answeredNanos = new long[n];
        for (int i = 0; i < n; i++) {
            int k = i;
            InputStream in = sockets[i].getInputStream();
            answers.add(readers.submit(() -> {
                byte[] all = in.readAllBytes();
                answeredNanos[k] = System.nanoTime();
                return new String(all, StandardCharsets.UTF_8);
            }));
        }
        Thread.sleep(500);
        for (int i = 0; i < n; i++) {
            OutputStream out = sockets[i].getOutputStream();
            sent[i] = Instant.now();
            sentNanos[i] = System.nanoTime();
            out.write(requests[i]);
            out.flush();
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Long> lags = new ArrayList<>();
        List<Long> answered = new ArrayList<>();
        String refusal = null;
        for (int i = 0; i < n; i++) {
            String response = answers.get(i).get();
            sockets[i].close();
            int status = Integer.parseInt(response.substring(9, 12));
            statuses.merge(status, 1, Integer::sum);
            answered.add((answeredNanos[i] - sentNanos[i]) / 1_000_000);
            String body = body(response);
            if (status == 201) {
                Object receivedAt = ((Map<?, ?>) Json.parse(body)).get("receivedAt");
                lags.add(Duration.between(sent[i], Instant.parse((String) receivedAt)).toMillis());
            } else if (refusal == null) {
                refusal = body;
            }
        }
        readers.shutdown();
        System.out.printf("%-40s statuses %s; lag (ms, min/median/p95/max) %s; answered after %s%n", label, statuses, quartiles(lags), quartiles(answered));
        if (refusal != null) {
            System.out.println("  first refusal: " + refusal.substring(0, Math.min(400, refusal.length())));
        }
    }

    static String body(String response) {
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        if (!response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase().contains("transfer-encoding: chunked")) {
            return body;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int eol = body.indexOf("\r\n", i);
            int size = Integer.parseInt(body.substring(i, eol).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
    }

    static String quartiles(List<Long> values) {
        if (values.isEmpty()) {
            return "[]";
        }
        List<Long> xs = new ArrayList<>(values);
        xs.sort(null);
        return "[" + xs.get(0) + ", " + xs.get(xs.size() / 2) + ", " + xs.get((int) (xs.size() * 0.95)) + ", " + xs.get(xs.size() - 1) + "]";
    }

    static String get(HttpClient client, String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", "Bearer " + token).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    static String post(HttpClient client, String path, String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Just enough JSON for this benchmark: objects, arrays, strings, numbers, true, false and null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.i != text.length()) {
                throw new IllegalArgumentException("unexpected text after the JSON value at " + json.i + ": " + text);
            }
            return value;
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            space();
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    i++;
                    space();
                    if (s.charAt(i) == '}') {
                        i++;
                        return map;
                    }
                    while (true) {
                        space();
                        String key = string();
                        space();
                        expect(':');
                        map.put(key, value());
                        space();
                        if (s.charAt(i++) == '}') {
                            return map;
                        }
                    }
                }
                case '[' -> {
                    List<Object> list = new ArrayList<>();
                    i++;
                    space();
                    if (s.charAt(i) == ']') {
                        i++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        space();
                        if (s.charAt(i++) == ']') {
                            return list;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    int start = i;
                    while (i < s.length() && ",]} \n\r\t".indexOf(s.charAt(i)) < 0) {
                        i++;
                    }
                    String word = s.substring(start, i);
                    return switch (word) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> word.contains(".") || word.contains("e") || word.contains("E") ? (Object) Double.parseDouble(word) : (Object) Long.parseLong(word);
                    };
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i++) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + (i - 1));
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String text) {
                out.append('"');
                for (char c : text.toCharArray()) {
                    if (c == '"' || c == '\\') {
                        out.append('\\').append(c);
                    } else if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
                out.append('"');
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                String comma = "";
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.append(comma);
                    write(String.valueOf(e.getKey()), out);
                    out.append(':');
                    write(e.getValue(), out);
                    comma = ",";
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                String comma = "";
                for (Object o : list) {
                    out.append(comma);
                    write(o, out);
                    comma = ",";
                }
                out.append(']');
            } else {
                out.append(value);
            }
        }
    }
}
