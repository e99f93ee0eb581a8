package io.huitong.remote;

import io.huitong.shared.web.NotFoundException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Centres, their venues and their agreements in the database. */
@Repository
class Centres {

    private final JdbcClient jdbc;

    Centres(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Centre> all() {
        return jdbc.sql("select * from centre order by code").query((rs, i) -> rs.getString("code")).list().stream()
                .map(this::get).toList();
    }

    public Centre get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("没有该交易中心 / No centre " + code));
    }

    public Optional<Centre> find(String code) {
        return jdbc.sql("select * from centre where code = ?").param(code)
                .query((rs, i) -> new Centre(rs.getString("code"), rs.getString("name"), rs.getString("region_code"),
                        rs.getString("group_id"), rs.getTimestamp("created_at").toInstant(), venues(code)))
                .optional();
    }

    public List<Centre.Venue> venues(String code) {
        return jdbc.sql("select * from venue where centre_code = ? order by name").param(code)
                .query((rs, i) -> new Centre.Venue(rs.getString("id"), rs.getString("centre_code"),
                        rs.getString("name"), rs.getInt("seats")))
                .list();
    }

    public Centre.Venue venue(String id) {
        return jdbc.sql("select * from venue where id = ?").param(id)
                .query((rs, i) -> new Centre.Venue(rs.getString("id"), rs.getString("centre_code"),
                        rs.getString("name"), rs.getInt("seats")))
                .optional().orElseThrow(() -> new NotFoundException("没有该评标室 / No venue " + id));
    }

    /** The centre that serves a region: the one whose region is the longest prefix of it. */
    public Optional<Centre> serving(String regionCode) {
        return all().stream().filter(c -> c.covers(regionCode))
                .max(Comparator.comparingInt(c -> c.prefix().length()));
    }

    /** The centres whose group the user is in. */
    public List<Centre> ofGroups(List<String> groups) {
        return all().stream().filter(c -> groups.contains(c.groupId())).toList();
    }

    void insert(Centre centre, Instant at) {
        jdbc.sql("insert into centre (code, name, region_code, group_id, created_at) values (?, ?, ?, ?, ?)")
                .params(centre.code(), centre.name(), centre.regionCode(), centre.groupId(), Timestamp.from(at))
                .update();
    }

    Centre.Venue addVenue(String centreCode, String name, int seats) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into venue (id, centre_code, name, seats) values (?, ?, ?, ?)")
                .params(id, centreCode, name, seats).update();
        return venue(id);
    }

    /**
     * The venue a partner on another platform offers, under the id it has there: recorded, or its name and seats
     * brought up to date; an id that is another centre's venue here is refused. Returns the id.
     */
    String peerVenue(String centreCode, String id, String name, int seats) {
        if (id == null || id.isBlank() || id.length() > 36 || name == null || name.isBlank() || seats < 1) {
            throw io.huitong.shared.web.ValidationException.of("venue", id, null,
                    "副场评标室须有标识（36字符以内）、名称和席位数", "The venue needs an id (up to 36 characters), a name and seats");
        }
        Optional<Centre.Venue> known = jdbc.sql("select * from venue where id = ?").param(id)
                .query((rs, i) -> new Centre.Venue(rs.getString("id"), rs.getString("centre_code"),
                        rs.getString("name"), rs.getInt("seats"))).optional();
        if (known.isPresent() && !known.get().centreCode().equals(centreCode)) {
            throw io.huitong.shared.web.ValidationException.of("venue", id, null, "该评标室标识属于另一交易中心",
                    "The venue id is another centre's");
        }
        if (known.isPresent()) {
            jdbc.sql("update venue set name = ?, seats = ? where id = ?").params(name, seats, id).update();
        } else {
            jdbc.sql("insert into venue (id, centre_code, name, seats) values (?, ?, ?, ?)")
                    .params(id, centreCode, name, seats).update();
        }
        return id;
    }

    public List<Agreement> agreements() {
        return jdbc.sql("select * from centre_agreement order by main_centre, priority")
                .query((rs, i) -> agreement(rs)).list();
    }

    /** The main centre's agreements in force on that day, in its order of preference. */
    public List<Agreement> agreementsOf(String mainCentre, LocalDate day) {
        return jdbc.sql("select * from centre_agreement where main_centre = ? order by priority, partner_centre")
                .param(mainCentre).query((rs, i) -> agreement(rs)).list().stream().filter(a -> a.validOn(day)).toList();
    }

    public Optional<Agreement> agreement(String mainCentre, String partnerCentre) {
        return jdbc.sql("select * from centre_agreement where main_centre = ? and partner_centre = ?")
                .params(mainCentre, partnerCentre).query((rs, i) -> agreement(rs)).optional();
    }

    Agreement insert(Agreement a) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into centre_agreement (id, main_centre, partner_centre, priority, fee_per_session, fee_per_expert,
                    valid_from, valid_to, terms) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, a.mainCentre(), a.partnerCentre(), a.priority(), a.feePerSession(), a.feePerExpert(),
                        Date.valueOf(a.validFrom()), a.validTo() == null ? null : Date.valueOf(a.validTo()), a.terms())
                .update();
        return agreement(a.mainCentre(), a.partnerCentre()).orElseThrow();
    }

    private static Agreement agreement(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Agreement(rs.getString("id"), rs.getString("main_centre"), rs.getString("partner_centre"),
                rs.getInt("priority"), rs.getBigDecimal("fee_per_session"), rs.getBigDecimal("fee_per_expert"),
                rs.getDate("valid_from").toLocalDate(),
                rs.getDate("valid_to") == null ? null : rs.getDate("valid_to").toLocalDate(), rs.getString("terms"));
    }
}
