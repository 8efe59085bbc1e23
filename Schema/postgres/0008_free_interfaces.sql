-- Whether an interface serves a port, kept by a trigger on `services` (whose interface_id stays the
-- truth): a port order takes the lowest free interface at its location and speed from a partial index
-- of the free ones, instead of asking `services` about every interface there in turn (all of them
-- once a site is full). Schema/0015 on SQLite.
ALTER TABLE interfaces ADD COLUMN in_use BIGINT NOT NULL DEFAULT 0 CHECK (in_use IN (0, 1));
UPDATE interfaces SET in_use = 1 WHERE id IN (SELECT interface_id FROM services WHERE interface_id IS NOT NULL);
CREATE INDEX interfaces_free ON interfaces(location_id, speed, id) WHERE in_use = 0;

CREATE FUNCTION services_interface_use() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.interface_id IS NOT NULL THEN
        UPDATE interfaces SET in_use = 0 WHERE id = OLD.interface_id;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.interface_id IS NOT NULL THEN
        UPDATE interfaces SET in_use = 1 WHERE id = NEW.interface_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER services_interface_use AFTER INSERT OR UPDATE OF interface_id OR DELETE ON services
FOR EACH ROW EXECUTE FUNCTION services_interface_use();
