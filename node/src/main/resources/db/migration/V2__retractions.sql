-- Retractions of items this node did not hold yet: an originator's retraction can overtake the copy a holder
-- is passing on with consent, and that copy must then be refused rather than kept.
CREATE TABLE retractions (
    item_id      VARCHAR(36) PRIMARY KEY,
    originator   VARCHAR(3)  NOT NULL,
    retracted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
