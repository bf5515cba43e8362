-- The agreed frame is a record: once written it is never changed or removed. Amending means a new version.
CREATE FUNCTION "frame_record_immutable"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'FrameRecord is immutable: record a new version instead' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "FrameRecord_immutable"
  BEFORE UPDATE OR DELETE ON "FrameRecord"
  FOR EACH ROW EXECUTE FUNCTION "frame_record_immutable"();
