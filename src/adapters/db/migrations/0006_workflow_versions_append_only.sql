-- Sent agendas and sent/approved/published/corrected minutes are kept as they
-- were: refuse UPDATE and DELETE of their snapshots at the database level.
CREATE OR REPLACE FUNCTION meeting_document_versions_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'meeting_document_versions is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER meeting_document_versions_append_only BEFORE UPDATE OR DELETE ON "meeting_document_versions"
  FOR EACH ROW EXECUTE FUNCTION meeting_document_versions_refuse_change();
