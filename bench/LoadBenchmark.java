import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark (issue 15, part 10): requests a second and latency of the hot paths of a running Levelfield, in one run,
 * so their ratios compare like with like:
 *   GET /api/me (signed in: the session is checked in the database), GET /health, GET /health/liveness, and the
 *   anonymous eligibility self-check POST /api/rounds/{id}/lots/{lotId}/eligibility-check (the rules run on each call).
 * Each phase runs CONNECTIONS clients (platform threads, one keep-alive connection each) for SECONDS after a warm-up.
 * It signs in as the demo bidder and checks the first lot of the first published round it can see, with the profile in
 * bench/self-check-profile.json (run from the project folder).
 *
 * Run with: bash bench/run-load.sh   (starts the service on a fresh database; see docs/benchmarks.md)
 */
public class LoadBenchmark {

    static final String BASE = System.getProperty("base", "http://localhost:8080");
    static final int CONNECTIONS = Integer.getInteger("connections", 32);
    static final int SECONDS = Integer.getInteger("seconds", 10);
    static final int WARMUP = Integer.getInteger("warmup", 5);

    record Result(String name, long requests, double perSecond, double p50, double p99, long errors) {
    }

    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String login = post(client, "/api/login", "{\"username\":\"bidder\",\"password\":\"levelfield-demo\"}", null);
        String token = field(login, "access_token");
        String rounds = get(client, "/api/rounds", token);
        String roundId = field(rounds, "id");
        String lots = get(client, "/api/rounds/" + roundId, token);
        Matcher lot = Pattern.compile("\"lots\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(lots);
        if (!lot.find()) {
            throw new IllegalStateException("no lot in round " + roundId + ": " + lots.substring(0, Math.min(300, lots.length())));
        }
        String check = "/api/rounds/" + roundId + "/lots/" + lot.group(1) + "/eligibility-check";
        String profile = java.nio.file.Files.readString(java.nio.file.Path.of("bench/self-check-profile.json")).strip();

        List<Result> results = new ArrayList<>();
        results.add(phase("GET /api/me (signed in)", () -> HttpRequest.newBuilder(URI.create(BASE + "/api/me")).header("Authorization", "Bearer " + token).build()));
        results.add(phase("GET /health", () -> HttpRequest.newBuilder(URI.create(BASE + "/health")).build()));
        results.add(phase("GET /health/liveness", () -> HttpRequest.newBuilder(URI.create(BASE + "/health/liveness")).build()));
        results.add(phase("POST eligibility-check (anonymous)", () -> HttpRequest.newBuilder(URI.create(BASE + check))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(profile)).build()));

        System.out.printf("%d connections, %d s per phase after %d s warm-up, against %s%n", CONNECTIONS, SECONDS, WARMUP, BASE);
        double me = results.get(0).perSecond();
        for (Result r : results) {
            System.out.printf("%-38s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  (%.2f x /api/me)%n",
                    r.name(), r.perSecond(), r.p50(), r.p99(), r.errors(), r.perSecond() / me);
        }
    }

    interface RequestMaker {
        HttpRequest make();
    }

    static Result phase(String name, RequestMaker maker) throws Exception {
        run(maker, WARMUP);
        return summarise(name, run(maker, SECONDS));
    }

    record Run(long[] latenciesNanos, long errors, double seconds) {
    }

    static Run run(RequestMaker maker, int seconds) throws Exception {
        ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(CONNECTIONS);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        for (int i = 0; i < CONNECTIONS; i++) {
            Thread thread = new Thread(() -> {
                HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] mine = new long[1 << 20];
                int n = 0;
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = own.send(maker.make(), HttpResponse.BodyHandlers.ofByteArray());
                        long t1 = System.nanoTime();
                        if (response.statusCode() >= 400) {
                            errors.incrementAndGet();
                        }
                        if (n < mine.length) {
                            mine[n++] = t1 - t0;
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    all.add(Arrays.copyOf(mine, n));
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        return new Run(merged, errors.get(), elapsed);
    }

    static Result summarise(String name, Run run) {
        long[] sorted = run.latenciesNanos().clone();
        Arrays.sort(sorted);
        double p50 = sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e6;
        double p99 = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] / 1e6;
        return new Result(name, sorted.length, sorted.length / run.seconds(), p50, p99, run.errors());
    }

    static String get(HttpClient client, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String post(HttpClient client, String path, String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json.substring(0, Math.min(300, json.length())));
        }
        return m.group(1);
    }
}
