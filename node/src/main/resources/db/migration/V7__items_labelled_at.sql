-- When the originator made the label a copy now carries (its reclassification notice's time): notices can
-- arrive out of order, and an older one must not undo a newer one.
ALTER TABLE items ADD COLUMN labelled_at TIMESTAMP WITH TIME ZONE;
