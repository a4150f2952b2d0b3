CREATE TABLE "qa_review_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "qa_reviews" ADD COLUMN "settlement" text;--> statement-breakpoint
ALTER TABLE "qa_scorecards" ADD COLUMN "audience" "audience";--> statement-breakpoint
ALTER TABLE "qa_scorecards" ADD COLUMN "random_sample_per_agent" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "qa_review_events" ADD CONSTRAINT "qa_review_events_review_id_qa_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."qa_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_review_events" ADD CONSTRAINT "qa_review_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "qa_review_events_review_idx" ON "qa_review_events" USING btree ("review_id","occurred_at");--> statement-breakpoint
CREATE INDEX "qa_reviews_submitted_idx" ON "qa_reviews" USING btree ("submitted_at") WHERE "qa_reviews"."submitted_at" is not null and "qa_reviews"."calibration_session_id" is null;