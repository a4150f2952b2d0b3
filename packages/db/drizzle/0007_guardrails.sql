CREATE TABLE "approval_outcomes" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"outcome" text NOT NULL,
	"decided_by_id" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"approver_role" text NOT NULL,
	"requested_by_id" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_requests_decisionId_unique" UNIQUE("decision_id")
);
--> statement-breakpoint
CREATE TABLE "guardrail_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"booking_id" uuid,
	"actor_id" text NOT NULL,
	"kind" text NOT NULL,
	"action" jsonb NOT NULL,
	"inputs" jsonb NOT NULL,
	"policy_id" uuid,
	"policy_version" integer,
	"outcome" text NOT NULL,
	"approver_role" text,
	"reasons" text[] NOT NULL,
	"amount_minor" bigint,
	"currency" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guardrail_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_type_id" uuid NOT NULL,
	"audience" "audience" NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"updated_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guardrail_policies_type_audience" UNIQUE("request_type_id","audience")
);
--> statement-breakpoint
CREATE TABLE "guardrail_policy_versions" (
	"policy_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guardrail_policy_versions_policy_id_version_pk" PRIMARY KEY("policy_id","version")
);
--> statement-breakpoint
ALTER TABLE "approval_outcomes" ADD CONSTRAINT "approval_outcomes_request_id_approval_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."approval_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_outcomes" ADD CONSTRAINT "approval_outcomes_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_decision_id_guardrail_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."guardrail_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardrail_decisions" ADD CONSTRAINT "guardrail_decisions_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardrail_decisions" ADD CONSTRAINT "guardrail_decisions_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardrail_decisions" ADD CONSTRAINT "guardrail_decisions_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardrail_decisions" ADD CONSTRAINT "guardrail_decisions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardrail_decisions" ADD CONSTRAINT "guardrail_decisions_policy_id_guardrail_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."guardrail_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardrail_policies" ADD CONSTRAINT "guardrail_policies_request_type_id_request_types_id_fk" FOREIGN KEY ("request_type_id") REFERENCES "public"."request_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardrail_policies" ADD CONSTRAINT "guardrail_policies_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardrail_policy_versions" ADD CONSTRAINT "guardrail_policy_versions_policy_id_guardrail_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."guardrail_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardrail_policy_versions" ADD CONSTRAINT "guardrail_policy_versions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_requests_role_due_idx" ON "approval_requests" USING btree ("approver_role","due_at");--> statement-breakpoint
CREATE INDEX "guardrail_decisions_contact_idx" ON "guardrail_decisions" USING btree ("contact_id","created_at");--> statement-breakpoint
CREATE INDEX "guardrail_decisions_conversation_idx" ON "guardrail_decisions" USING btree ("conversation_id","created_at");--> statement-breakpoint
-- The money audit trail is append-only: decisions, approval requests and their answers, and
-- the policy versions decisions were made under are written once and never changed.
CREATE OR REPLACE FUNCTION audit_trail_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER guardrail_decisions_append_only
  BEFORE UPDATE OR DELETE ON guardrail_decisions
  FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
--> statement-breakpoint
CREATE TRIGGER approval_requests_append_only
  BEFORE UPDATE OR DELETE ON approval_requests
  FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
--> statement-breakpoint
CREATE TRIGGER approval_outcomes_append_only
  BEFORE UPDATE OR DELETE ON approval_outcomes
  FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
--> statement-breakpoint
CREATE TRIGGER guardrail_policy_versions_append_only
  BEFORE UPDATE OR DELETE ON guardrail_policy_versions
  FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
