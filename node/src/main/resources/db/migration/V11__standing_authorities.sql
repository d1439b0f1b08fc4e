-- Standing release authorities (issue 11): proposed by one disclosure official, approved by another, revocable.
CREATE TABLE authorities (
    id          VARCHAR(36)  PRIMARY KEY,
    topic       VARCHAR(200) NOT NULL,
    highest     VARCHAR(100) NOT NULL,
    recipients  VARCHAR(100) NOT NULL,
    valid_from  TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until TIMESTAMP WITH TIME ZONE,
    under       VARCHAR(100),
    proposed_by VARCHAR(36)  NOT NULL,
    proposed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_by VARCHAR(36),
    approved_at TIMESTAMP WITH TIME ZONE,
    revoked_by  VARCHAR(36),
    revoked_at  TIMESTAMP WITH TIME ZONE
);

-- A release made under a standing authority names it (and has no requester or approver).
ALTER TABLE releases ADD COLUMN authority_id VARCHAR(36);
