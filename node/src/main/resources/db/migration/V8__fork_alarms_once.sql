-- A fork is raised once: it is named by the partner's log and the checkpoint of it this node had accepted, which
-- the conflicting history contradicts; the consistency proof the partner served (if any) is kept as evidence.
ALTER TABLE audit_alarms ADD COLUMN fork_of VARCHAR(400);
ALTER TABLE audit_alarms ADD COLUMN proof TEXT;
CREATE UNIQUE INDEX audit_alarms_fork_of ON audit_alarms (fork_of);
