ALTER TABLE "user_certifications" ADD COLUMN "note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "user_certifications" ADD COLUMN "expired_notice_sent_for_expiry" timestamp with time zone;--> statement-breakpoint
-- The tier now comes from certifications: agents set to L2 by hand keep it through a grant of a
-- certification that gives L2 (made only when someone needs it), instead of dropping to L1.
INSERT INTO "certifications" ("code", "name", "description", "grants_tier")
SELECT 'L2_TIER_CARRIED_OVER', 'L2 tier (carried over)', 'Given to the agents who were set to L2 before the tier came from certifications. Replace it with the certification your team uses for L2.', 'L2'
WHERE EXISTS (SELECT 1 FROM "users" WHERE "agent_tier" = 'L2')
ON CONFLICT ("code") DO NOTHING;--> statement-breakpoint
INSERT INTO "user_certifications" ("user_id", "certification_id", "source", "note")
SELECT "users"."id", "certifications"."id", 'seed', 'Carried over from the L2 tier set on the agent'
FROM "users" JOIN "certifications" ON "certifications"."code" = 'L2_TIER_CARRIED_OVER'
WHERE "users"."agent_tier" = 'L2'
ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "agent_tier";