-- conversation_events is the single source for KPIs and audit: rows are appended, never changed.
CREATE OR REPLACE FUNCTION conversation_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'conversation_events is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER conversation_events_no_update_or_delete
  BEFORE UPDATE OR DELETE ON conversation_events
  FOR EACH ROW EXECUTE FUNCTION conversation_events_append_only();
