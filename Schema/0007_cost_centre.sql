-- A product's cost centre: the customer's own billing label, set and cleared through the v2 product updates.
ALTER TABLE services ADD COLUMN cost_centre TEXT NOT NULL DEFAULT '';
