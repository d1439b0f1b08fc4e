-- The outbox is read newest first a page at a time, all of it or by status (GET /api/v1/outbox).
CREATE INDEX releases_by_time ON releases (requested_at, id);
CREATE INDEX releases_by_status ON releases (status, requested_at);
