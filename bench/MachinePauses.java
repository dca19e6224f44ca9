import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How much this machine stops its own busy threads: one thread per CPU reads the clock in a tight loop for a few seconds
 * and notes every gap between two readings longer than 0.5 ms. On an idle machine with CPUs of its own, the gaps are
 * rare and short; on a virtual machine whose host is busy, they are the time the CPUs were given to something else.
 * A request under load waits through the same gaps, so they bound the tail latency the service can show in that minute
 * (issue 15, part 10). The benchmarks print it beside the machine's speed.
 * Usage: java bench/MachinePauses.java [seconds, 5 by default]
 */
public class MachinePauses {

    public static void main(String[] args) throws InterruptedException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int cpus = Runtime.getRuntime().availableProcessors();
        List<List<Long>> gaps = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < cpus; i++) {
            List<Long> mine = new ArrayList<>();
            gaps.add(mine);
            threads.add(Thread.ofPlatform().start(() -> spin((long) (seconds * 1e9), mine)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Long> all = new ArrayList<>();
        gaps.forEach(all::addAll);
        Collections.sort(all);
        long over2 = all.stream().filter(g -> g > 2_000_000).count();
        long over5 = all.stream().filter(g -> g > 5_000_000).count();
        double lost = all.stream().mapToLong(Long::longValue).sum() / 1e6;
        double longest = all.isEmpty() ? 0 : all.getLast() / 1e6;
        System.out.printf("machine pauses: %d busy threads for %.0f s stopped %d times over 0.5 ms (%d over 2 ms, %d over 5 ms), "
                + "longest %.1f ms, %.0f ms in all (%.2f%% of the time)%n", cpus, seconds, all.size(), over2, over5, longest, lost,
                100 * lost / (seconds * 1000 * cpus));
    }

    private static void spin(long nanos, List<Long> gaps) {
        long warm = System.nanoTime();
        while (System.nanoTime() - warm < 1_000_000_000L) {
            Thread.onSpinWait(); // a second for this JVM's own start-up work (compiling, loading) to end before anything is timed
        }
        long start = System.nanoTime();
        long last = start;
        while (last - start < nanos) {
            long now = System.nanoTime();
            if (now - last > 500_000) {
                gaps.add(now - last);
            }
            last = now;
        }
    }
}
