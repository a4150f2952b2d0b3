CREATE TABLE "approval_alerts" (
	"request_id" uuid NOT NULL,
	"alert_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_alerts_request_id_alert_key_pk" PRIMARY KEY("request_id","alert_key")
);
--> statement-breakpoint
CREATE TABLE "escalation_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"escalation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"alert_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_events_alert_key" UNIQUE("escalation_id","alert_key")
);
--> statement-breakpoint
CREATE TABLE "escalation_matrix" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_kind" text NOT NULL,
	"owner_team_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"updated_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_matrix_teamKind_unique" UNIQUE("team_kind")
);
--> statement-breakpoint
CREATE TABLE "escalation_matrix_versions" (
	"matrix_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_matrix_versions_matrix_id_version_pk" PRIMARY KEY("matrix_id","version")
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigint GENERATED ALWAYS AS IDENTITY (sequence name "escalations_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1001 CACHE 1),
	"conversation_id" uuid NOT NULL,
	"team_kind" text NOT NULL,
	"owner_team_id" uuid NOT NULL,
	"matrix_version" integer NOT NULL,
	"severity" text NOT NULL,
	"state" text NOT NULL,
	"summary" text NOT NULL,
	"fields" jsonb NOT NULL,
	"context" jsonb NOT NULL,
	"created_by_id" text NOT NULL,
	"assignee_id" text,
	"round" integer DEFAULT 1 NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"acknowledge_due_at" timestamp with time zone NOT NULL,
	"resolve_due_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"outcome" text,
	"rejection_reason" text,
	"rejection_note" text,
	"next_alert_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalations_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text NOT NULL,
	"subject_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "escalation_events" ADD CONSTRAINT "escalation_events_escalation_id_escalations_id_fk" FOREIGN KEY ("escalation_id") REFERENCES "public"."escalations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_events" ADD CONSTRAINT "escalation_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_matrix" ADD CONSTRAINT "escalation_matrix_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_matrix" ADD CONSTRAINT "escalation_matrix_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_matrix_versions" ADD CONSTRAINT "escalation_matrix_versions_matrix_id_escalation_matrix_id_fk" FOREIGN KEY ("matrix_id") REFERENCES "public"."escalation_matrix"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_matrix_versions" ADD CONSTRAINT "escalation_matrix_versions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "escalation_events_escalation_idx" ON "escalation_events" USING btree ("escalation_id","created_at");--> statement-breakpoint
CREATE INDEX "escalation_events_type_idx" ON "escalation_events" USING btree ("type","created_at");--> statement-breakpoint
CREATE INDEX "escalations_queue_idx" ON "escalations" USING btree ("owner_team_id","state","resolve_due_at");--> statement-breakpoint
CREATE INDEX "escalations_conversation_idx" ON "escalations" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "escalations_created_idx" ON "escalations" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "escalations_next_alert_idx" ON "escalations" USING btree ("next_alert_at") WHERE "escalations"."next_alert_at" is not null;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","read_at","created_at");--> statement-breakpoint
CREATE TRIGGER escalation_events_append_only
  BEFORE UPDATE OR DELETE ON escalation_events
  FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
--> statement-breakpoint
CREATE TRIGGER escalation_matrix_versions_append_only
  BEFORE UPDATE OR DELETE ON escalation_matrix_versions
  FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
--> statement-breakpoint
CREATE TRIGGER approval_alerts_append_only
  BEFORE UPDATE OR DELETE ON approval_alerts
  FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION escalation_record_fixed() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'escalations are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.id <> OLD.id OR NEW.number <> OLD.number OR NEW.conversation_id <> OLD.conversation_id
     OR NEW.created_by_id <> OLD.created_by_id OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION 'who raised an escalation, on which conversation and when never changes'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER escalations_record_fixed
  BEFORE UPDATE OR DELETE ON escalations
  FOR EACH ROW EXECUTE FUNCTION escalation_record_fixed();
