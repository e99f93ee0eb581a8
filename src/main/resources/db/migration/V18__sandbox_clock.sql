-- The time of a sandbox (huitong.acceleration.factor, the sandbox profile): where its clock was last set, so that a
-- restart goes on from there instead of going back to the real time. One row at most; empty in production.
create table sandbox_clock (
    id       int                       not null primary key,
    -- the sandbox's time when it was set, the real time then, and how many times faster than real time it runs
    set_to   timestamp with time zone  not null,
    real_at  timestamp with time zone  not null,
    factor   double precision          not null
);
