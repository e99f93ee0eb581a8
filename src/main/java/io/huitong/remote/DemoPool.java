package io.huitong.remote;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The demo centres, agreements and expert pool ({@code demo/remote-pool.yaml}), recorded through the same checks
 * as the API, once the demo users exist. Active only in the {@code demo} profile; what exists is left alone.
 */
@Component
@Profile("demo")
class DemoPool {

    private static final Logger log = LoggerFactory.getLogger(DemoPool.class);
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory()).findAndAddModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final PoolAdmin admin;
    private final Centres centres;
    private final ExpertPool pool;
    private final Resource data;

    DemoPool(PoolAdmin admin, Centres centres, ExpertPool pool,
            @Value("${huitong.demo.remote-pool:classpath:demo/remote-pool.yaml}") Resource data) {
        this.admin = admin;
        this.centres = centres;
        this.pool = pool;
        this.data = data;
    }

    record Data(List<CentreData> centres, List<AgreementData> agreements, List<ExpertData> experts) {
    }

    record CentreData(String code, String name, String regionCode, String groupId, List<VenueData> venues) {
    }

    record VenueData(String name, int seats) {
    }

    record AgreementData(String mainCentre, String partnerCentre, int priority, BigDecimal feePerSession,
            BigDecimal feePerExpert, LocalDate validFrom, LocalDate validTo, String terms) {
    }

    record ExpertData(String userId, String name, String idNo, String centreCode, String regionCode, String employerId,
            String employerName, String department, int yearsInField, boolean seniorTitle, List<String> specialities,
            List<Expert.Employment> employment, List<Expert.Relation> relations, List<Expert.Penalty> penalties) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() throws IOException {
        Data demo;
        try (InputStream in = data.getInputStream()) {
            demo = YAML.readValue(in, Data.class);
        }
        for (CentreData c : demo.centres()) {
            if (centres.find(c.code()).isEmpty()) {
                admin.addCentre(c.code(), c.name(), c.regionCode(), c.groupId());
                c.venues().forEach(v -> admin.addVenue(c.code(), v.name(), v.seats()));
            }
        }
        for (AgreementData a : demo.agreements()) {
            if (centres.agreement(a.mainCentre(), a.partnerCentre()).isEmpty()) {
                admin.addAgreement(new Agreement(null, a.mainCentre(), a.partnerCentre(), a.priority(),
                        a.feePerSession(), a.feePerExpert(), a.validFrom(), a.validTo(), a.terms()),
                        new io.huitong.shared.security.Operator("demo", null));
            }
        }
        int added = 0;
        for (ExpertData x : demo.experts()) {
            if (pool.byUser(x.userId()).isEmpty()) {
                admin.addExpert(new Expert(null, x.userId(), x.name(), x.idNo(), x.centreCode(), x.regionCode(),
                        x.employerId(), x.employerName(), x.department(), x.yearsInField(), x.seniorTitle(),
                        x.specialities(), x.employment() == null ? List.of() : x.employment(),
                        x.relations() == null ? List.of() : x.relations(),
                        x.penalties() == null ? List.of() : x.penalties(), List.of(), null));
                added++;
            }
        }
        if (added > 0) {
            log.info("demo pool: {} centres, {} agreements, {} experts added", demo.centres().size(),
                    demo.agreements().size(), added);
        }
    }
}
