package io.huitong.bench.rush;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.bench.BenchApp;
import io.huitong.bench.Figure;
import io.huitong.bench.Latencies;
import io.huitong.bench.Report;
import io.huitong.bench.Section;
import io.huitong.bench.lifecycle.Actors;
import io.huitong.bench.lifecycle.HttpActors;
import io.huitong.bench.lifecycle.Lockstep;
import io.huitong.support.LifecycleTest;
import io.huitong.support.RegistrationJson;
import io.huitong.support.SealedBid;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last minute before a deadline: 10,000 sealed bids for tenders that all close at 09:30, sent through HTTP
 * to one node evenly from 09:29:00 to 09:29:59, the node's clock running. Each bid's latency counts from the moment it was
 * due to be sent, so a node falling behind shows. Then the count: every bid acknowledged is stored, and none was
 * refused.
 */
public final class BidRushBench implements Section {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "rush";
    }

    @Override
    public void run(Report report, Scale scale) throws Exception {
        int tenders = scale.pick(100, 10);
        int perTender = scale.pick(100, 20);
        int total = tenders * perTender;
        long windowMillis = scale.pick(60_000, 20_000);
        int clients = 64;
        Path work = Path.of(System.getProperty("bench.out", "target/benchmark")).resolve("work/rush");
        io.huitong.bench.WorkFolders.delete(work);
        try (BenchApp app = BenchApp.start(work, false, Map.of());
                Lockstep jobs = new Lockstep(app.engine(), 1)) {
            // the tenders, registered and approved on 27 November, announced on 1 December, closing 21 December 09:30
            Lockstep.clockAt("2026-11-27T10:00:00");
            String registration = RegistrationJson.works().with("bidBondAmount", new BigDecimal("100000.00"))
                    .toString();
            Actors purchaserAndApprovers = new HttpActors(app);
            List<String> ids = new ArrayList<>();
            for (int t = 0; t < tenders; t++) {
                Actors.Registered tender = purchaserAndApprovers.register(registration);
                for (String group : tender.route()) {
                    purchaserAndApprovers.approve(tender.tenderId(), group);
                }
                ids.add(tender.tenderId());
            }
            jobs.runDueJobs();
            Lockstep.clockAt("2026-12-01T08:00:00");
            jobs.runDueJobs();

            // every bidder's account, each acting for its own company
            for (int n = 1; n <= perTender; n++) {
                app.bidder(n);
            }
            // every bidder's file sealed beforehand, on the bidders' own machines
            List<String> users = Collections.synchronizedList(new ArrayList<>());
            List<String> bodies = Collections.synchronizedList(new ArrayList<>());
            List<String> targets = Collections.synchronizedList(new ArrayList<>());
            ExecutorService sealers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
            List<Future<?>> sealing = new ArrayList<>();
            for (String id : ids) {
                for (int n = 1; n <= perTender; n++) {
                    int bidder = n;
                    sealing.add(sealers.submit(() -> {
                        String price = new BigDecimal("4000000.00").add(BigDecimal.valueOf(bidder * 7919L))
                                .toPlainString() + ".00";
                        String sealed = SealedBid.seal(SealedBid.file(LifecycleTest.bidderId(bidder), bidder, price),
                                "口令-" + bidder);
                        synchronized (bodies) {
                            targets.add(id);
                            users.add("bidder" + bidder);
                            bodies.add("""
                                    {"bidderId":"%s","bidderName":"投标人%d","bond":{"form":"BANK_GUARANTEE",
                                     "amount":100000.00,"guaranteeNo":"G-%d","payerAccount":"4101-%d"},
                                     "smeSize":"LARGE","legalRepresentative":"法定代表人%d","sealedFile":"%s"}"""
                                    .formatted(LifecycleTest.bidderId(bidder), bidder, bidder, bidder, bidder,
                                            sealed));
                        }
                    }));
                }
            }
            for (Future<?> f : sealing) {
                f.get();
            }
            sealers.shutdown();

            // the last minute: the clock runs from 09:29:00 (minus a second for the first requests to set off)
            ZonedDateTime deadline = ZonedDateTime.parse("2026-12-21T09:30:00+08:00[Asia/Shanghai]");
            long startAt = deadline.toInstant().toEpochMilli() - windowMillis - 1000;
            ClockUtil.reset();
            ClockUtil.offset(startAt - System.currentTimeMillis());
            Latencies latencies = new Latencies();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
            AtomicLong lastDone = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long begin = System.nanoTime() + 1_000_000_000L;
            // evenly from the minute's start to one second before the deadline
            double interval = (windowMillis - 1000) * 1e6 / total;
            List<Future<?>> sent = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                long due = begin + (long) (i * interval);
                String tenderId = targets.get(i);
                String body = bodies.get(i);
                String user = users.get(i);
                sent.add(pool.submit(() -> {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    HttpResponse<String> response = app.post(user, "/api/tenders/" + tenderId + "/bids", body);
                    long done = System.nanoTime();
                    latencies.record(done - due);
                    lastDone.accumulateAndGet(done, Math::max);
                    if (response.statusCode() == 201) {
                        acknowledged.add(JSON.readTree(response.body()).get("id").asText());
                    } else {
                        refused.computeIfAbsent(response.statusCode() + " " + response.body().substring(0,
                                Math.min(160, response.body().length())), k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            pool.shutdown();
            double seconds = (lastDone.get() - begin) / 1e9;
            java.time.Instant clockAtEnd = ClockUtil.getCurrentTime().toInstant();
            ClockUtil.reset();

            // the count: every acknowledged bid is stored, once; every bid sent was acknowledged
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            String in = String.join(",", Collections.nCopies(ids.size(), "?"));
            Integer stored = jdbc.queryForObject("select count(*) from bid where tender_id in (" + in + ")",
                    Integer.class, ids.toArray());
            List<String> storedIds = jdbc.queryForList("select id from bid where tender_id in (" + in + ")",
                    String.class, ids.toArray());
            int missing = (int) acknowledged.stream().filter(id -> !storedIds.contains(id)).count();
            int lost = total - acknowledged.size() + missing;
            String how = total + " bids to " + tenders + " tenders closing at one time, sent evenly over the last "
                    + windowMillis / 1000 + " s by " + clients + " HTTP clients; latency from the moment each was due";
            report.add(Figure.of("rush", "bids sent in the last minute", total, "bids", how));
            report.add(Figure.of("rush", "bids acknowledged (201)", acknowledged.size(), "bids", "the receipts"));
            report.add(Figure.of("rush", "bids stored", stored, "bids", "counted in the database afterwards"));
            report.add(Figure.atMost("rush", "bids lost (not acknowledged, or acknowledged but not stored)", lost,
                    "bids", 0, refused.isEmpty() ? "none refused" : "refused: " + refused));
            report.add(Figure.of("rush", "throughput of the rush", acknowledged.size() / seconds, "bids/s",
                    "acknowledged ÷ time from the first due to the last answer (" + String.format("%.1f s", seconds)
                            + "); the clock read " + clockAtEnd + " at the end"));
            report.add(Figure.of("rush", "bid submission latency p50", latencies.p50(), "ms", how));
            report.add(Figure.atMost("rush", "bid submission latency p99", latencies.p99(), "ms", 200, how));
            report.add(Figure.of("rush", "bid submission latency max", latencies.maxMillis(), "ms", how));
        } finally {
            ClockUtil.reset();
        }
    }
}
