-- Whether an interface serves a port, kept by triggers on `services` (whose interface_id stays the
-- truth): a port order takes the lowest free interface at its location and speed from a partial index
-- of the free ones, instead of asking `services` about every interface there in turn (all of them
-- once a site is full). A migration that rebuilds `services` must create these triggers again.
ALTER TABLE interfaces ADD COLUMN in_use INTEGER NOT NULL DEFAULT 0 CHECK (in_use IN (0, 1));
UPDATE interfaces SET in_use = 1 WHERE id IN (SELECT interface_id FROM services WHERE interface_id IS NOT NULL);
CREATE INDEX interfaces_free ON interfaces(location_id, speed, id) WHERE in_use = 0;

CREATE TRIGGER services_interface_taken AFTER INSERT ON services WHEN NEW.interface_id IS NOT NULL
BEGIN
    UPDATE interfaces SET in_use = 1 WHERE id = NEW.interface_id;
END;

CREATE TRIGGER services_interface_moved AFTER UPDATE OF interface_id ON services
WHEN OLD.interface_id IS NOT NEW.interface_id
BEGIN
    UPDATE interfaces SET in_use = 0 WHERE id = OLD.interface_id;
    UPDATE interfaces SET in_use = 1 WHERE id = NEW.interface_id;
END;

CREATE TRIGGER services_interface_released AFTER DELETE ON services WHEN OLD.interface_id IS NOT NULL
BEGIN
    UPDATE interfaces SET in_use = 0 WHERE id = OLD.interface_id;
END;
