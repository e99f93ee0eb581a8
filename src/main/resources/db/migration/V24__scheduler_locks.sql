-- Scheduled sweeps (overdue tasks, idempotency keys, guarantee settlement) run on one node of a cluster at a time:
-- the node that holds a sweep's row until lock_until runs it (ShedLock).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
