-- The TAXII 2.1 status resources (docs/INTEROP.md, "Adding objects"): what an add-objects request did with each
-- object, kept for its poster to read again at /taxii2/trisec/status/{id}/. Written in the import's transaction; kept
-- seven days (older ones are deleted as new ones are written). body is the status resource as served; it names
-- objects and items by id and says why each was refused, never a title or body.
CREATE TABLE taxii_statuses (
    id        VARCHAR(36) PRIMARY KEY,
    posted_by VARCHAR(100) NOT NULL,
    posted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    body      TEXT NOT NULL
);

CREATE INDEX taxii_statuses_posted_at ON taxii_statuses (posted_at);
