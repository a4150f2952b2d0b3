ALTER TABLE "user_certifications" ADD COLUMN "note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "user_certifications" ADD COLUMN "expired_notice_sent_for_expiry" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "agent_tier";