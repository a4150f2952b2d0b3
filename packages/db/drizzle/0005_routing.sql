CREATE TABLE "certifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certifications_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "user_certifications" (
	"user_id" text NOT NULL,
	"certification_id" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"granted_by_id" text,
	CONSTRAINT "user_certifications_user_id_certification_id_pk" PRIMARY KEY("user_id","certification_id")
);
--> statement-breakpoint
CREATE TABLE "config_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"entity_name" text NOT NULL,
	"action" text NOT NULL,
	"actor_id" text,
	"before" jsonb,
	"after" jsonb,
	"diff" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rollout_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollout_acknowledgements" (
	"change_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"acknowledged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rollout_acknowledgements_change_id_user_id_pk" PRIMARY KEY("change_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "chat_paths" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"audience" "audience" NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"definition" jsonb NOT NULL,
	"updated_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_paths_audience_unique" UNIQUE("audience")
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"actions" jsonb NOT NULL,
	"updated_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_type_macros" (
	"request_type_id" uuid NOT NULL,
	"macro_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_type_macros_request_type_id_macro_id_pk" PRIMARY KEY("request_type_id","macro_id")
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "vip" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "joined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "routing_decision" jsonb;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "assignment_reason" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "queued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "assignee_reply_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inboxes" ADD COLUMN "channels" "channel"[] DEFAULT '{"chat","whatsapp","email","voice"}' NOT NULL;--> statement-breakpoint
ALTER TABLE "inboxes" ADD COLUMN "assignment_policy" jsonb DEFAULT '{"mode":"manual"}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "request_types" ADD COLUMN "required_certification_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "channel_capacity" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "user_certifications" ADD CONSTRAINT "user_certifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_certifications" ADD CONSTRAINT "user_certifications_certification_id_certifications_id_fk" FOREIGN KEY ("certification_id") REFERENCES "public"."certifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_certifications" ADD CONSTRAINT "user_certifications_granted_by_id_users_id_fk" FOREIGN KEY ("granted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "config_changes" ADD CONSTRAINT "config_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_acknowledgements" ADD CONSTRAINT "rollout_acknowledgements_change_id_config_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."config_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_acknowledgements" ADD CONSTRAINT "rollout_acknowledgements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_paths" ADD CONSTRAINT "chat_paths_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_type_macros" ADD CONSTRAINT "request_type_macros_request_type_id_request_types_id_fk" FOREIGN KEY ("request_type_id") REFERENCES "public"."request_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_type_macros" ADD CONSTRAINT "request_type_macros_macro_id_macros_id_fk" FOREIGN KEY ("macro_id") REFERENCES "public"."macros"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_certifications_certification_idx" ON "user_certifications" USING btree ("certification_id");--> statement-breakpoint
CREATE INDEX "config_changes_entity_idx" ON "config_changes" USING btree ("entity_type","entity_id","created_at");--> statement-breakpoint
CREATE INDEX "config_changes_created_idx" ON "config_changes" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "rollout_acknowledgements_user_idx" ON "rollout_acknowledgements" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "routing_rules_position_idx" ON "routing_rules" USING btree ("position");--> statement-breakpoint
CREATE INDEX "request_type_macros_macro_idx" ON "request_type_macros" USING btree ("macro_id");--> statement-breakpoint
ALTER TABLE "request_types" ADD CONSTRAINT "request_types_required_certification_id_certifications_id_fk" FOREIGN KEY ("required_certification_id") REFERENCES "public"."certifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_queue_idx" ON "conversations" USING btree ("inbox_id","priority","queued_at") WHERE "conversations"."queued_at" is not null;--> statement-breakpoint
CREATE INDEX "conversations_assignee_reply_due_idx" ON "conversations" USING btree ("assignee_reply_due_at") WHERE "conversations"."assignee_reply_due_at" is not null;