CREATE TABLE "conversation_kpi_facts" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"audience" "audience" NOT NULL,
	"channel" "channel" NOT NULL,
	"city_id" uuid,
	"inbox_id" uuid NOT NULL,
	"assignee_id" text,
	"request_type_id" uuid,
	"priority" "priority" NOT NULL,
	"status" "conversation_status" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"first_inbox_id" uuid,
	"transferred" boolean NOT NULL,
	"first_response_at" timestamp with time zone,
	"first_response_seconds" integer,
	"first_response_business_seconds" integer,
	"public_agent_replies" integer NOT NULL,
	"first_resolved_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"resolution_seconds" integer,
	"resolution_business_seconds" integer,
	"reopened_within7_days" boolean NOT NULL,
	"csat_requested_at" timestamp with time zone,
	"csat_rated_at" timestamp with time zone,
	"csat_rating" smallint,
	"escalated_at" timestamp with time zone,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_refresh_queue" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"source" text NOT NULL,
	"requested_by_id" text,
	"definitions" jsonb NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_outcomes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sla_outcomes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"conversation_id" uuid NOT NULL,
	"target" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"stopped_at" timestamp with time zone,
	"paused" boolean NOT NULL,
	"audience" "audience" NOT NULL,
	"channel" "channel" NOT NULL,
	"city_id" uuid,
	"inbox_id" uuid NOT NULL,
	"assignee_id" text,
	"request_type_id" uuid
);
--> statement-breakpoint
CREATE TABLE "business_calendars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"city_id" uuid,
	"time_zone" text NOT NULL,
	"always_open" boolean DEFAULT false NOT NULL,
	"weekly" jsonb NOT NULL,
	"holidays" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_calendars_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inbox_id" uuid NOT NULL,
	"calendar_id" uuid,
	"targets" jsonb NOT NULL,
	"updated_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policies_inboxId_unique" UNIQUE("inbox_id")
);
--> statement-breakpoint
CREATE TABLE "staffing_plans" (
	"inbox_id" uuid PRIMARY KEY NOT NULL,
	"service_level_target" real NOT NULL,
	"answer_target_seconds" integer NOT NULL,
	"shrinkage" real NOT NULL,
	"channel_handling" jsonb NOT NULL,
	"hourly_rate_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"updated_by_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staffing_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inbox_id" uuid NOT NULL,
	"weekday" text NOT NULL,
	"starts_at" text NOT NULL,
	"ends_at" text NOT NULL,
	"agents" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "sla_alerted_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversation_kpi_facts" ADD CONSTRAINT "conversation_kpi_facts_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_kpi_facts" ADD CONSTRAINT "conversation_kpi_facts_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_kpi_facts" ADD CONSTRAINT "conversation_kpi_facts_inbox_id_inboxes_id_fk" FOREIGN KEY ("inbox_id") REFERENCES "public"."inboxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_kpi_facts" ADD CONSTRAINT "conversation_kpi_facts_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_kpi_facts" ADD CONSTRAINT "conversation_kpi_facts_request_type_id_request_types_id_fk" FOREIGN KEY ("request_type_id") REFERENCES "public"."request_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_snapshots" ADD CONSTRAINT "kpi_snapshots_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_outcomes" ADD CONSTRAINT "sla_outcomes_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_calendars" ADD CONSTRAINT "business_calendars_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_inbox_id_inboxes_id_fk" FOREIGN KEY ("inbox_id") REFERENCES "public"."inboxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_calendar_id_business_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."business_calendars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_plans" ADD CONSTRAINT "staffing_plans_inbox_id_inboxes_id_fk" FOREIGN KEY ("inbox_id") REFERENCES "public"."inboxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_plans" ADD CONSTRAINT "staffing_plans_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_shifts" ADD CONSTRAINT "staffing_shifts_inbox_id_inboxes_id_fk" FOREIGN KEY ("inbox_id") REFERENCES "public"."inboxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_shifts" ADD CONSTRAINT "staffing_shifts_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_facts_created_idx" ON "conversation_kpi_facts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "kpi_facts_first_response_idx" ON "conversation_kpi_facts" USING btree ("first_response_at") WHERE "conversation_kpi_facts"."first_response_at" is not null;--> statement-breakpoint
CREATE INDEX "kpi_facts_first_resolved_idx" ON "conversation_kpi_facts" USING btree ("first_resolved_at") WHERE "conversation_kpi_facts"."first_resolved_at" is not null;--> statement-breakpoint
CREATE INDEX "kpi_facts_resolved_idx" ON "conversation_kpi_facts" USING btree ("resolved_at") WHERE "conversation_kpi_facts"."resolved_at" is not null;--> statement-breakpoint
CREATE INDEX "kpi_facts_csat_requested_idx" ON "conversation_kpi_facts" USING btree ("csat_requested_at") WHERE "conversation_kpi_facts"."csat_requested_at" is not null;--> statement-breakpoint
CREATE INDEX "kpi_facts_open_idx" ON "conversation_kpi_facts" USING btree ("created_at") WHERE "conversation_kpi_facts"."status" in ('open', 'pending', 'snoozed');--> statement-breakpoint
CREATE INDEX "kpi_facts_csat_rated_idx" ON "conversation_kpi_facts" USING btree ("csat_rated_at") WHERE "conversation_kpi_facts"."csat_rated_at" is not null;--> statement-breakpoint
CREATE INDEX "kpi_snapshots_period_idx" ON "kpi_snapshots" USING btree ("kind","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_snapshots_scheduled_idx" ON "kpi_snapshots" USING btree ("kind","period_start") WHERE "kpi_snapshots"."source" = 'schedule';--> statement-breakpoint
CREATE INDEX "sla_outcomes_due_idx" ON "sla_outcomes" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "sla_outcomes_running_idx" ON "sla_outcomes" USING btree ("due_at") WHERE "sla_outcomes"."stopped_at" is null;--> statement-breakpoint
CREATE INDEX "sla_outcomes_conversation_idx" ON "sla_outcomes" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "conversations_unannounced_due_idx" ON "conversations" USING btree ("sla_due_at") WHERE "conversations"."sla_due_at" is not null and "conversations"."sla_alerted_due_at" is distinct from "conversations"."sla_due_at";--> statement-breakpoint
-- Every event makes its conversation's KPI facts stale; the KPI job re-derives them.
CREATE OR REPLACE FUNCTION queue_kpi_refresh() RETURNS trigger AS $$
BEGIN
  INSERT INTO kpi_refresh_queue (conversation_id)
    SELECT DISTINCT conversation_id FROM new_events
    ON CONFLICT (conversation_id) DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER conversation_events_queue_kpi_refresh
  AFTER INSERT ON conversation_events
  REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION queue_kpi_refresh();
--> statement-breakpoint
-- Conversations from before this migration get their facts from the job too.
INSERT INTO kpi_refresh_queue (conversation_id) SELECT id FROM conversations ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Breaches from before this migration are history, not news: only new ones are announced.
UPDATE conversations SET sla_alerted_due_at = sla_due_at WHERE sla_due_at < now();
--> statement-breakpoint
CREATE TRIGGER kpi_snapshots_append_only
  BEFORE UPDATE OR DELETE ON kpi_snapshots
  FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
