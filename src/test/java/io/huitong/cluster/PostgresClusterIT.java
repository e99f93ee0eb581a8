package io.huitong.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of the packaged application on one real PostgreSQL (embedded, from Maven): the schema managed
 * explicitly, what one node records read on the other, one step completed on both at once done once, a timer fired
 * once with both job executors running, bids sent to both at once all kept, and a rule reload on one node in force
 * on the other. (The instants near a deadline are tested in-process, where the clock is the tests'.)
 */
class PostgresClusterIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static EmbeddedPostgres postgres;
    static Node a;
    static Node b;
    static Path root;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        root = Path.of("target", "cluster-" + UUID.randomUUID()).toAbsolutePath();
        // node a reads its rules from a folder of its own (to be reloaded); b from the packaged copy
        copy(Path.of("rules").toAbsolutePath(), root.resolve("a").resolve("rules"));
        // one after the other: the first creates the schema and the demo users
        // assigned before waiting: a node that never gets ready is still stopped after the tests
        a = Node.start("node-a", url, root.resolve("a"));
        a.awaitReady(Duration.ofMinutes(3));
        b = Node.start("node-b", url, root.resolve("b"));
        b.awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Node node : new Node[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    static List<String> column(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void the_engine_schema_comes_from_camundas_scripts_and_the_domain_from_migrations() throws Exception {
        assertThat(column("select version from huitong_schema_history where success order by installed_rank"))
                .startsWith("0.1").contains("1", "13");
        assertThat(column("select version_ from act_ge_schema_log")).containsExactly("7.24.0");
        assertThat(column("select count(*) from act_re_procdef where key_ = 'tender-lifecycle'"))
                .as("deployed once for both nodes").containsExactly("1");
    }

    static String registration(String title) {
        return """
                {"title":"%s","regime":"TENDERING_LAW","category":"WORKS","estimatedAmount":5000000.00,
                 "budgetFunds":5000000.00,"totalInvestment":10000000.00,"stateControlled":true,"regionCode":"410100",
                 "procurementMethod":"OPEN","bidBondAmount":100000.00,"documentIssueDate":"2027-03-01",
                 "bidDeadline":"2027-03-22T09:30:00+08:00",
                 "tieBreak":"LOWER_EVALUATED_PRICE",
                 "purchaserId":"%s","purchaserName":"郑州市市政工程管理处"}""".formatted(title,
                io.huitong.support.RegistrationJson.PURCHASER_ID);
    }

    @Test
    void what_one_node_records_the_other_reads_and_a_step_done_on_both_at_once_is_done_once() throws Exception {
        // several times: the race takes different shapes (the task gone, its permissions gone, the step's row)
        for (int round = 0; round < 6; round++) {
            oneStepOnBothNodes();
        }
    }

    void oneStepOnBothNodes() throws Exception {
        HttpResponse<String> created = a.post("purchaser", "/api/tenders", registration("集群测试 " + UUID.randomUUID()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asText();
        HttpResponse<String> onB = b.get("clerk", "/api/tenders/" + id);
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(json(onB).get("title").asText()).isEqualTo(json(created).get("title").asText());

        String step = json(onB).get("approval").get("openStep").get("taskId").asText();
        String approve = "{\"approved\":true,\"comment\":\"材料齐全\",\"taskId\":\"" + step + "\"}";
        CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(() -> call(a, id, approve));
        CompletableFuture<HttpResponse<String>> onB2 = CompletableFuture.supplyAsync(() -> call(b, id, approve));
        List<Integer> statuses = Stream.of(onA.get(), onB2.get()).map(HttpResponse::statusCode).sorted().toList();
        assertThat(statuses).as(onA.get().body() + " / " + onB2.get().body()).containsExactly(200, 409);
        assertThat(column("select count(*) from approval_step where tender_id = '" + id + "' and approved"))
                .containsExactly("1");
    }

    static HttpResponse<String> call(Node node, String id, String body) {
        try {
            return node.post("clerk", "/api/tenders/" + id + "/approval", body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final String TIMER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="https://huitong.io/test">
              <bpmn:process id="cluster-timer" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
                <bpmn:intermediateCatchEvent id="wait">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
                <bpmn:endEvent id="end"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Test
    void a_timer_fires_once_with_both_job_executors_running() throws Exception {
        HttpResponse<String> deployed = a.deploy("cluster-timer.bpmn", TIMER);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        int instances = 20;
        for (int i = 0; i < instances; i++) {
            Node node = i % 2 == 0 ? a : b;
            HttpResponse<String> started = node.post("demo", "/engine-rest/process-definition/key/cluster-timer/start",
                    "{}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        }
        // the job executors of both nodes take the timers as they fall due; wait for the engines, not for time
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        String finished = "select count(*) from act_hi_procinst p join act_re_procdef d on d.id_ = p.proc_def_id_ "
                + "where d.key_ = 'cluster-timer' and p.end_time_ is not null";
        while (!column(finished).equals(List.of(String.valueOf(instances))) && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
        assertThat(column(finished)).containsExactly(String.valueOf(instances));
        assertThat(column("select count(*) from act_hi_actinst where act_id_ = 'wait' and end_time_ is not null "
                + "and proc_def_key_ = 'cluster-timer'")).as("each timer passed once").containsExactly("20");
        assertThat(column("select count(*) from act_hi_job_log where job_def_configuration_ is not null "
                + "and process_def_key_ = 'cluster-timer' and job_state_ = 2")).as("executed once each")
                .containsExactly("20");
    }

    @Test
    void a_rule_reload_on_one_node_is_in_force_on_the_other() throws Exception {
        String before = json(b.get("ruleauthor", "/api/rules")).get("activeVersion").asText();
        Path parameters = a.dir.resolve("rules/policy/parameters.yaml");
        Files.writeString(parameters, Files.readString(parameters).replace(
                "refund.late-fee.annual-rate:\n    value: 0.0522", "refund.late-fee.annual-rate:\n    value: 0.0523"));
        HttpResponse<String> reloaded = a.post("ruleauthor", "/api/rules/reload", "{}");
        assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
        String after = json(reloaded).get("version").asText();
        assertThat(after).isNotEqualTo(before);
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        String onB = before;
        while (!onB.equals(after) && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            onB = json(b.get("ruleauthor", "/api/rules")).get("activeVersion").asText();
        }
        assertThat(onB).as("node b takes up the version node a activated").isEqualTo(after);

        // node b restarts with its packaged rules (the version before, seen already): the reload stands
        b.close();
        b = b.restart("postgres,demo", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        b.awaitReady(Duration.ofMinutes(3));
        assertThat(json(b.get("ruleauthor", "/api/rules")).get("activeVersion").asText()).isEqualTo(after);
        assertThat(json(a.get("ruleauthor", "/api/rules")).get("activeVersion").asText()).isEqualTo(after);
    }

    @Test
    void bids_submitted_at_once_on_both_nodes_are_all_kept() throws Exception {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String deadline = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30) + "T09:30:00+08:00";
        HttpResponse<String> created = a.post("purchaser", "/api/tenders", registration("并发投标 " + UUID.randomUUID())
                .replace("\"documentIssueDate\":\"2027-03-01\"", "\"documentIssueDate\":\"" + today + "\"")
                .replace("\"bidDeadline\":\"2027-03-22T09:30:00+08:00\"", "\"bidDeadline\":\"" + deadline + "\"")
                .replace("\"bidBondAmount\":100000.00,", ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asText();
        assertThat(a.post("clerk", "/api/tenders/" + id + "/approval", "{\"approved\":true,\"comment\":\"ok\"}")
                .statusCode()).isEqualTo(200);
        assertThat(b.post("director", "/api/tenders/" + id + "/approval", "{\"approved\":true,\"comment\":\"ok\"}")
                .statusCode()).as("the route has ended; the approval follows as a job").isEqualTo(202);
        // the documents are issued today: the announcement's timer is due, a job executor publishes it
        Instant until = Instant.now().plus(Duration.ofMinutes(1));
        String status = "";
        while (!status.equals("BIDDING") && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            status = json(b.get("clerk", "/api/tenders/" + id)).get("status").asText();
        }
        assertThat(status).isEqualTo("BIDDING");

        int bidders = 40;
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int n = 1; n <= bidders; n++) {
            Node node = n % 2 == 0 ? a : b;
            String bidder = io.huitong.shared.party.CreditCodes.withCheck(String.format("91410100MA%07d", 5000 + n));
            String file = io.huitong.support.SealedBid.seal(io.huitong.support.SealedBid.file(bidder, n,
                    String.valueOf(4_000_000 + n * 137) + ".00"), "口令" + n);
            String bid = """
                    {"bidderId":"%s","bidderName":"并发投标人%d","smeSize":"LARGE","legalRepresentative":"代表%d",
                     "sealedFile":"%s"}""".formatted(bidder, n, n, file);
            String user = "rush" + n;
            a.bidderAccount(user, bidder, "并发投标人" + n);
            sent.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return node.post(user, "/api/tenders/" + id + "/bids", bid);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> f : sent) {
            statuses.add(f.get().statusCode());
        }
        assertThat(statuses).as("every bid acknowledged").allMatch(code -> code == 201);
        assertThat(column("select count(*) from bid where tender_id = '" + id + "' and status = 'SUBMITTED'"))
                .as("none lost").containsExactly(String.valueOf(bidders));
    }
}
