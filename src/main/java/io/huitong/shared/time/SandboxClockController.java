package io.huitong.shared.time;

import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clock of a sandbox, for its administrator: move it forward to a time, make it run faster or slower, or stop
 * it. It exists only under the {@code sandbox} profile; production has no door to its clock.
 */
@RestController
@Profile("sandbox")
@RequestMapping("/api/sandbox/clock")
@Tag(name = "沙箱时钟 Sandbox clock", description = "仅沙箱：拨快或调速时钟 / Sandbox only: move or speed up the clock")
class SandboxClockController {

    private final SandboxTime sandbox;
    private final LegalClock clock;

    SandboxClockController(SandboxTime sandbox, LegalClock clock) {
        this.sandbox = sandbox;
        this.clock = clock;
    }

    /** The sandbox's time in China and how many times faster than real time it runs. */
    record ClockView(OffsetDateTime now, double factor) {
    }

    /** Where to move the clock (forward only) and at what speed it runs from there; either may be left out. */
    record ClockChange(OffsetDateTime at, Double factor) {
    }

    @GetMapping
    @Operation(summary = "沙箱时间 The sandbox's time",
            description = "The time every timer, legal check and legal date of this sandbox reads, and its speed.")
    ClockView get() {
        return view(clock.instant(), sandbox.clock().factor());
    }

    @PostMapping
    @Operation(summary = "拨动沙箱时钟 Move or speed up the sandbox clock",
            description = "Administrators only. Moves the clock forward to `at` and/or sets its `factor` (1440: a "
                    + "day passes in a minute; 1: real time; 0: stopped). Timers that fall due run; legal dates do "
                    + "not change. The clock never goes back (409): what has happened stays in the past.")
    ClockView set(@RequestBody ClockChange change) {
        List<Violation> violations = new ArrayList<>();
        if (change == null || change.at() == null && change.factor() == null) {
            violations.add(Violation.of("at", "sandbox.clock.change", null, null, null,
                    "请给出时间或速度", "Give a time to move to, a factor, or both"));
        }
        if (change != null && change.factor() != null
                && !(change.factor() >= 0 && change.factor() <= SandboxClock.MAX_FACTOR)) {
            violations.add(Violation.of("factor", "sandbox.clock.factor", null, "0.." + (long) SandboxClock.MAX_FACTOR,
                    change.factor(), "速度须在0到" + (long) SandboxClock.MAX_FACTOR + "之间",
                    "The factor is 0 (stopped) to " + (long) SandboxClock.MAX_FACTOR));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        // the time everyone reads now: the sandbox's, or (in a test) the time the engine's clock was fixed at
        Instant now = clock.instant();
        Instant at = change.at() == null ? now : change.at().toInstant();
        if (at.isBefore(now)) {
            throw new ConflictException("沙箱时钟只能向前拨（现在是" + now.atZone(LegalClock.CHINA).toOffsetDateTime()
                    + "）/ The sandbox clock only moves forward (it is " + now.atZone(LegalClock.CHINA).toOffsetDateTime()
                    + ")");
        }
        SandboxClock.Setting set = sandbox.set(at, change.factor() == null ? sandbox.clock().factor() : change.factor());
        return view(set.at(), set.factor());
    }

    private static ClockView view(Instant at, double factor) {
        return new ClockView(at.atZone(LegalClock.CHINA).toOffsetDateTime(), factor);
    }
}
