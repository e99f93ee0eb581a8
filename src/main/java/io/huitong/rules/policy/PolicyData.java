package io.huitong.rules.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.huitong.rules.RuleProblem;
import io.huitong.rules.RuleSource;
import io.huitong.shared.time.LegalCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the YAML files of a rule set say, merged and checked: parameters, jurisdiction policies, the
 * approval-route policy and the legal calendar. Problems are reported with file and line.
 */
public record PolicyData(Parameters parameters, List<JurisdictionPolicy> jurisdictionPolicies,
        ApprovalRoutePolicy approvalRoute, LegalCalendar calendar, List<HolidayYear> holidayYears,
        List<PlatformOperator> platformOperators) {

    static final Set<String> REGIMES = Set.of("TENDERING_LAW", "GOVERNMENT_PROCUREMENT");

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** One YAML file: any of its sections may be present. */
    record PolicyFile(Map<String, Parameter> parameters, List<JurisdictionPolicy> jurisdictionPolicies,
            ApprovalRoutePolicy approvalRoute, CalendarSettings calendar, HolidayYear holidays,
            List<PlatformOperator> platformOperators) {
    }

    /** Parses and merges the policy files; adds a problem (file, line, column) for everything wrong. */
    public static PolicyData parse(List<RuleSource> files, List<RuleProblem> problems) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        List<JurisdictionPolicy> policies = new ArrayList<>();
        List<HolidayYear> years = new ArrayList<>();
        List<PlatformOperator> operators = new ArrayList<>();
        ApprovalRoutePolicy route = null;
        CalendarSettings calendar = null;
        for (RuleSource file : files) {
            PolicyFile parsed;
            try {
                parsed = YAML.readValue(file.content(), PolicyFile.class);
            } catch (UnrecognizedPropertyException e) {
                problems.add(new RuleProblem(file.path(), new Checker(file, problems).lineOfKey(e.getPropertyName()),
                        0, "unknown key '" + e.getPropertyName() + "'; known here: " + e.getKnownPropertyIds()));
                continue;
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                problems.add(new RuleProblem(file.path(), at == null ? 0 : at.getLineNr(),
                        at == null ? 0 : at.getColumnNr(), e.getOriginalMessage()));
                continue;
            }
            if (parsed == null) {
                continue;
            }
            Checker check = new Checker(file, problems);
            if (parsed.parameters() != null) {
                parsed.parameters().forEach((key, p) -> {
                    if (p == null || p.value() == null && !p.isDated()) {
                        check.problem(key, "parameter '" + key + "' has no value");
                    } else if (p.tag() == null || p.citation() == null) {
                        check.problem(key, "parameter '" + key + "' needs a tag and a citation");
                    } else if (!check.datedValues(key, p)) {
                        return;
                    } else if (parameters.putIfAbsent(key, p) != null) {
                        check.problem(key, "parameter '" + key + "' is defined twice");
                    }
                });
            }
            if (parsed.jurisdictionPolicies() != null) {
                for (JurisdictionPolicy p : parsed.jurisdictionPolicies()) {
                    check.policy(p, policies);
                    policies.add(p);
                }
            }
            if (parsed.approvalRoute() != null) {
                if (route != null) {
                    check.problem("approvalRoute", "approvalRoute is defined in more than one file");
                }
                check.route(parsed.approvalRoute());
                route = parsed.approvalRoute();
            }
            if (parsed.calendar() != null) {
                if (calendar != null) {
                    check.problem("calendar", "calendar settings are defined in more than one file");
                }
                calendar = parsed.calendar();
            }
            if (parsed.holidays() != null && check.holidays(parsed.holidays(), years)) {
                years.add(parsed.holidays());
            }
            if (parsed.platformOperators() != null) {
                for (PlatformOperator operator : parsed.platformOperators()) {
                    if (operator.partyId() == null || !io.huitong.shared.party.CreditCodes.isValid(operator.partyId())) {
                        check.problem("partyId", "a platform operator needs a valid unified social credit code: "
                                + operator.partyId());
                    } else {
                        operators.add(operator);
                    }
                }
            }
        }
        if (route == null) {
            problems.add(new RuleProblem("(rule set)", 0, 0,
                    "no approvalRoute policy: one YAML file must define the order and the sign-off levels"));
            route = new ApprovalRoutePolicy(List.of(), List.of());
        }
        return new PolicyData(new Parameters(parameters), List.copyOf(policies), route,
                calendar(calendar == null || calendar.rollOverWeekends(), years), List.copyOf(years),
                List.copyOf(operators));
    }

    private static LegalCalendar calendar(boolean rollOverWeekends, List<HolidayYear> years) {
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> work = new HashSet<>();
        Set<Integer> published = new HashSet<>();
        Set<Integer> provisional = new HashSet<>();
        for (HolidayYear year : years) {
            (year.isProvisional() ? provisional : published).add(year.year());
            for (HolidayYear.DaysOff block : year.daysOff()) {
                block.from().datesUntil(block.to().plusDays(1)).forEach(off::add);
            }
            for (HolidayYear.Workday day : year.workdays()) {
                work.add(day.date());
            }
        }
        return new LegalCalendar(off, work, published, provisional, rollOverWeekends);
    }

    /** Finds the line of a key in a file, so that problems found after parsing still point somewhere. */
    private record Checker(RuleSource file, List<RuleProblem> problems) {

        void problem(String near, String message) {
            problems.add(new RuleProblem(file.path(), lineOf(near), 0, message));
        }

        int lineOfKey(String key) {
            var pattern = java.util.regex.Pattern.compile("^\\s*(-\\s*)?" + java.util.regex.Pattern.quote(key) + "\\s*:");
            String[] lines = file.content().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (pattern.matcher(lines[i]).find()) {
                    return i + 1;
                }
            }
            return lineOf(key);
        }

        int lineOf(String text) {
            String[] lines = file.content().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(text)) {
                    return i + 1;
                }
            }
            return 0;
        }

        void policy(JurisdictionPolicy p, List<JurisdictionPolicy> earlier) {
            String id = p.id() == null ? "jurisdictionPolicies" : p.id();
            if (p.id() == null || p.regionPrefix() == null || p.regime() == null || p.effectiveFrom() == null) {
                problem(id, "a jurisdiction policy needs id, regionPrefix, regime and effectiveFrom");
                return;
            }
            if (!p.regionPrefix().matches("\\d{2,6}")) {
                problem(p.regionPrefix(), "regionPrefix must be 2 to 6 digits of a region code: " + p.regionPrefix());
            }
            if (!REGIMES.contains(p.regime())) {
                problem(p.regime(), "regime must be one of " + REGIMES + ": " + p.regime());
            }
            if (p.citation() == null || p.tag() == null) {
                problem(id, "jurisdiction policy '" + id + "' needs a citation and a tag");
            }
            if (p.effectiveTo() != null && p.effectiveTo().isBefore(p.effectiveFrom())) {
                problem(id, "jurisdiction policy '" + id + "' ends before it starts");
            }
            if (earlier.stream().anyMatch(e -> id.equals(e.id()))) {
                problem(id, "jurisdiction policy '" + id + "' is defined twice");
            }
        }

        void route(ApprovalRoutePolicy route) {
            if (route.order() == null || route.order().isEmpty()) {
                problem("approvalRoute", "approvalRoute.order must list the groups in the order their steps run");
                return;
            }
            if (route.signOffLevels() == null || route.signOffLevels().stream()
                    .noneMatch(l -> l.minAmount() != null && l.minAmount().signum() == 0)) {
                problem("signOffLevels", "signOffLevels need a level with minAmount 0, so that every route has a step");
                return;
            }
            for (SignOffLevel level : route.signOffLevels()) {
                if (level.group() == null || level.minAmount() == null || level.minAmount().signum() < 0) {
                    problem("signOffLevels", "a sign-off level needs a group and a minAmount of at least 0");
                } else if (!route.order().contains(level.group())) {
                    problem(level.group(), "sign-off group '" + level.group() + "' is not in approvalRoute.order");
                }
            }
        }

        /**
         * Checks a parameter's dated values: each has a value, ends no earlier than it starts, and overlaps no other;
         * without an undated value they must leave no day without one. True if all is well.
         */
        boolean datedValues(String key, Parameter p) {
            int before = problems.size();
            List<Parameter.DatedValue> values = p.values();
            for (int i = 0; i < values.size(); i++) {
                Parameter.DatedValue v = values.get(i);
                Parameter.DatedValue next = i + 1 < values.size() ? values.get(i + 1) : null;
                String from = v.effectiveFrom() == null ? "since always" : v.effectiveFrom().toString();
                if (v.value() == null) {
                    problem(key, "parameter '" + key + "': the value in force from " + from + " has no value");
                }
                if (v.effectiveTo() != null && v.effectiveFrom() != null
                        && v.effectiveTo().isBefore(v.effectiveFrom())) {
                    problem(key, "parameter '" + key + "': the value in force from " + from + " ends before it starts ("
                            + v.effectiveTo() + ")");
                }
                if (next != null && next.effectiveFrom() == null) {
                    problem(key, "parameter '" + key + "': only one dated value may have no effectiveFrom");
                } else if (next != null && v.effectiveTo() != null && !v.effectiveTo().isBefore(next.effectiveFrom())) {
                    problem(key, "parameter '" + key + "': the value in force from " + from + " to " + v.effectiveTo()
                            + " overlaps the one from " + next.effectiveFrom());
                } else if (next != null && v.effectiveFrom() != null && v.effectiveFrom().equals(next.effectiveFrom())) {
                    problem(key, "parameter '" + key + "': two values take effect on " + v.effectiveFrom());
                }
                if (p.value() == null && (i == 0 && v.effectiveFrom() != null
                        || v.effectiveTo() != null && (next == null
                        || next.effectiveFrom() != null && next.effectiveFrom().isAfter(v.effectiveTo().plusDays(1))))) {
                    problem(key, "parameter '" + key + "' has no undated value and no value in force "
                            + (i == 0 && v.effectiveFrom() != null ? "before " + v.effectiveFrom()
                                    : "after " + v.effectiveTo()) + ": add `value` or cover every day");
                }
            }
            return problems.size() == before;
        }

        /** Checks a holiday year; only a year without problems enters the calendar. */
        boolean holidays(HolidayYear year, List<HolidayYear> earlier) {
            int before = problems.size();
            String near = "year";
            if (year.daysOff() == null || year.workdays() == null) {
                problem(near, "holidays need daysOff and workdays lists (either may be empty)");
                return false;
            }
            if (earlier.stream().anyMatch(e -> e.year() == year.year())) {
                problem(near, "the holidays of " + year.year() + " are defined twice");
            }
            for (HolidayYear.DaysOff block : year.daysOff()) {
                if (block.from() == null || block.to() == null || block.to().isBefore(block.from())) {
                    problem(block.from() == null ? "from:" : block.from().toString(),
                            "a block of days off needs from and to, with from ≤ to");
                } else if (block.from().getYear() != year.year() || block.to().getYear() != year.year()) {
                    problem(block.from().toString(), "days off " + block.from() + " to " + block.to()
                            + " lie outside " + year.year());
                }
            }
            for (HolidayYear.Workday day : year.workdays()) {
                if (day.date() == null || day.date().getYear() != year.year()) {
                    problem(day.date() == null ? "date:" : day.date().toString(),
                            "a make-up workday must lie in " + year.year());
                }
            }
            return problems.size() == before;
        }
    }

    /** Convenience for rules and tests: a parameter's value. */
    public BigDecimal parameter(String key) {
        return parameters.amount(key);
    }
}
