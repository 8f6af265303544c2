package io.glasslink.drill.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.glasslink.drill.platform.LinkControl;
import io.glasslink.drill.platform.PlatformAccess;
import io.glasslink.drill.report.Failover;

/**
 * Direct Connect cuts under the drill's load, measured from the cut to the first on-prem answer
 * through the VPN: an on-prem call through the gateway and the link ({@code /onprem/supply-chain/...})
 * is sent every 50 ms; during a black hole on Direct Connect nothing on it is delivered, so a call sent
 * after the cut that answers 200 went through the VPN. The link's own failover (its probes every
 * 300 ms, 3 lost) is timed beside it, so the report shows what the gateway adds.
 */
public final class FailoverUnderLoad {

    private static final Duration PROBE_EVERY = Duration.ofMillis(50);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final FaultContext c;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI probe;

    public FailoverUnderLoad(FaultContext context) {
        this.c = context;
        this.probe = URI.create(context.platform().gatewayUrl() + "/onprem/supply-chain/api/v1/vehicles/makes");
    }

    /** {@code cuts} cuts, each held 2 s past the first VPN answer (at most 30 s), then restored and failed back. */
    public Failover measure(int cuts) {
        List<Failover.Cut> results = new ArrayList<>();
        for (int i = 1; i <= cuts; i++) {
            awaitDirectConnect();
            Failover.Cut cut = once();
            results.add(cut);
            c.say(String.format("cut %d: link failed over after %s ms, first answer through the VPN after %s ms, %d of %d calls sent"
                            + " after the cut got no answer in time", i, cut.linkFailoverMillis(), cut.firstVpnAnswerMillis(),
                    cut.stalledProbes(), cut.probesAfterCut()));
        }
        awaitDirectConnect();
        return new Failover(results);
    }

    private Failover.Cut once() {
        record Sent(long sentNanos, CompletableFuture<HttpResponse<Void>> answer, AtomicLong answeredNanos) {
        }
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        long failoversBefore = c.link().failovers();
        Thread prober = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                AtomicLong answered = new AtomicLong();
                long at = System.nanoTime();
                CompletableFuture<HttpResponse<Void>> f = http.sendAsync(HttpRequest.newBuilder(probe)
                        .header("X-API-Key", PlatformAccess.INTERNAL_KEY).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                f.whenComplete((r, e) -> answered.set(System.nanoTime()));
                sent.add(new Sent(at, f, answered));
                try {
                    Thread.sleep(PROBE_EVERY.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "failover-prober");
        prober.setDaemon(true);
        prober.start();
        FaultContext.sleep(1000);
        long cutNanos = System.nanoTime();
        c.link().cut(LinkControl.DIRECT_CONNECT, "blackhole");
        Optional<Long> linkFailover = FaultContext.poll(() -> c.link().failovers() > failoversBefore
                ? Optional.of(System.nanoTime()) : Optional.empty(), Duration.ofMillis(10), PATIENCE);
        Optional<Long> firstAnswer = FaultContext.poll(() -> sent.stream()
                        .filter(s -> s.sentNanos() >= cutNanos && s.answer().isDone() && !s.answer().isCompletedExceptionally()
                                && s.answer().join().statusCode() == 200)
                        .map(s -> s.answeredNanos().get()).filter(t -> t > 0).min(Long::compare),
                Duration.ofMillis(10), PATIENCE);
        FaultContext.sleep(2000);
        prober.interrupt();
        c.link().restore(LinkControl.DIRECT_CONNECT);
        // a call counts as stalled when it was sent after the cut, before the first VPN answer, and got none within 1 s
        long horizon = firstAnswer.orElse(System.nanoTime());
        List<Sent> after = sent.stream().filter(s -> s.sentNanos() >= cutNanos && s.sentNanos() < horizon).toList();
        int stalled = (int) after.stream().filter(s -> s.answeredNanos().get() == 0
                || s.answeredNanos().get() - s.sentNanos() > Duration.ofSeconds(1).toNanos()).count();
        return new Failover.Cut(linkFailover.map(t -> (t - cutNanos) / 1_000_000).orElse(null),
                firstAnswer.map(t -> (t - cutNanos) / 1_000_000).orElse(null), stalled, after.size());
    }

    /**
     * Back on Direct Connect as before a real cut: failed back, and no connection left on the VPN (the
     * gateway pools connections, each keeps its path: one opened during the last cut would answer the
     * next one at once).
     */
    private void awaitDirectConnect() {
        FaultContext.poll(() -> LinkControl.DIRECT_CONNECT.equals(c.link().activePath()) ? Optional.of(true) : Optional.empty(),
                Duration.ofMillis(100), PATIENCE);
        c.link().resetConnections(LinkControl.VPN);
        FaultContext.sleep(2000);
    }
}
