-- Retractions of items not held yet are kept per sending party: a notice from a party that is not the
-- originator must not take the place of the originator's own (only the originator's counts on arrival).
CREATE TABLE retraction_notices (
    item_id      VARCHAR(36) NOT NULL,
    originator   VARCHAR(3)  NOT NULL,
    retracted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (item_id, originator)
);
INSERT INTO retraction_notices (item_id, originator, retracted_at)
    SELECT item_id, originator, retracted_at FROM retractions;
DROP TABLE retractions;
ALTER TABLE retraction_notices RENAME TO retractions;
