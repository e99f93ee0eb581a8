package io.huitong.bench.lifecycle;

import io.huitong.support.LifecycleTest;
import io.huitong.support.RegistrationJson;
import io.huitong.support.SealedBid;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Complete tender lifecycles through Huitong, every actor automated: a works project under the Tendering Law
 * registered and approved, announced, five bidders bidding with bank guarantees and decrypting their bids at
 * the opening, a committee of four experts and the purchaser's representative reviewing, scoring and signing,
 * three days of publicity, the award to rank one, the contract, the refunds and the report to the supervisor:
 * archived.
 */
final class HuitongLifecycles {

    static final List<String> MEMBERS = List.of("expert1", "expert2", "expert3", "expert4", "purchaser");
    static final int BIDDERS = 5;
    private static final String[] PRICES = {"4800000.00", "4663200.00", "4900000.00", "4500000.00", "4731700.00"};
    private static final int[] TECHNICAL = {50, 52, 48, 45, 47};

    /** The bids' files, sealed beforehand as the bidders' own tools do. */
    private final String[] sealed = new String[BIDDERS];
    private final String membersJson;

    HuitongLifecycles() {
        for (int n = 1; n <= BIDDERS; n++) {
            sealed[n - 1] = SealedBid.seal(SealedBid.file(LifecycleTest.bidderId(n), n, PRICES[n - 1]), password(n));
        }
        membersJson = MEMBERS.stream().map(user -> """
                {"name":"%s","userId":"%s","role":"%s","chair":%s}""".formatted(user, user,
                user.equals("purchaser") ? "PURCHASER_REPRESENTATIVE" : "EXPERT", user.equals("expert1")))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String password(int n) {
        return "口令-" + n;
    }

    private String bidJson(int n) {
        return """
                {"bidderId":"%s","bidderName":"投标人%d","bond":{"form":"BANK_GUARANTEE","amount":100000.00,
                 "guaranteeNo":"G-%d","payerAccount":"4101-%d"},"smeSize":"LARGE",
                 "legalRepresentative":"法定代表人%d","sealedFile":"%s"}"""
                .formatted(LifecycleTest.bidderId(n), n, n, n, n, sealed[n - 1]);
    }

    static final class Tender {
        final String id;
        final List<String> route;
        final List<String> bids = new CopyOnWriteArrayList<>();

        Tender(Actors.Registered registered) {
            id = registered.tenderId();
            route = registered.route();
        }
    }

    /** Runs n lifecycles to the archive; fails if any did not get there. */
    List<Tender> run(Actors actors, Lockstep steps, int n) throws Exception {
        String registration = RegistrationJson.works().with("bidBondAmount", new BigDecimal("100000.00")).toString();
        List<Tender> tenders = new CopyOnWriteArrayList<>();
        Lockstep.clockAt("2026-11-27T10:00:00");
        steps.each(java.util.Collections.nCopies(n, registration), body -> {
            Tender tender = new Tender(actors.register(body));
            for (String group : tender.route) {
                actors.approve(tender.id, group);
            }
            tenders.add(tender);
        });
        steps.runDueJobs();
        steps.lap("register+approve");
        Lockstep.clockAt("2026-12-01T08:00:00");
        steps.runDueJobs();
        Lockstep.clockAt("2026-12-02T10:00:00");
        steps.each(tenders, t -> {
            for (int b = 1; b <= BIDDERS; b++) {
                t.bids.add(actors.bid(t.id, "bidder" + b, bidJson(b)));
            }
        });
        steps.lap("announce+bid");
        Lockstep.clockAt("2026-12-21T09:30:00");
        steps.runDueJobs();
        Lockstep.clockAt("2026-12-21T09:31:00");
        steps.each(tenders, t -> {
            for (int b = 1; b <= BIDDERS; b++) {
                actors.decrypt(t.id, "bidder" + b, t.bids.get(b - 1), password(b));
            }
        });
        steps.runDueJobs();
        steps.each(tenders, t -> {
            actors.committee(t.id, membersJson);
            actors.review(t.id, MEMBERS.get(0));
            Map<String, Integer> scores = new LinkedHashMap<>();
            for (int b = 0; b < BIDDERS; b++) {
                scores.put(t.bids.get(b), TECHNICAL[b]);
            }
            for (String member : MEMBERS) {
                actors.score(t.id, member, scores);
            }
            for (String member : MEMBERS) {
                actors.sign(t.id, member);
            }
        });
        steps.runDueJobs();
        steps.lap("open+evaluate");
        Lockstep.clockAt("2026-12-26T00:00:00");
        steps.runDueJobs();
        steps.each(tenders, t -> actors.award(t.id, actors.rankOne(t.id)));
        steps.runDueJobs();
        steps.each(tenders, t -> {
            actors.complete(t.id, "purchaser", "signContract");
            actors.complete(t.id, "finance", "refundBonds");
            actors.complete(t.id, "purchaser", "reportToSupervisor");
        });
        steps.runDueJobs();
        steps.lap("award..archive");
        List<String> notArchived = new ArrayList<>();
        for (Tender t : tenders) {
            String status = actors.status(t.id);
            if (!status.equals("ARCHIVED")) {
                notArchived.add(t.id + " " + status);
            }
        }
        if (tenders.size() != n || !notArchived.isEmpty()) {
            throw new IllegalStateException(tenders.size() + " of " + n + " registered; not archived: " + notArchived);
        }
        return tenders;
    }
}
