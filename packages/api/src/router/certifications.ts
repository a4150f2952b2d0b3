import {
  archiveCertification,
  createCertification,
  grantCertifications,
  listCertificationHolders,
  listCertifications,
  listExpiringCertifications,
  myCertifications,
  restoreCertification,
  revokeCertification,
  updateCertification,
} from '@switchboard/db/queries/certifications';
import {
  archiveCertificationInputSchema,
  certificationHoldersInputSchema,
  certificationListInputSchema,
  createCertificationInputSchema,
  expiringCertificationsInputSchema,
  grantCertificationsInputSchema,
  revokeCertificationInputSchema,
  updateCertificationInputSchema,
} from '@switchboard/domain';
import { refusalsAsTrpcErrors } from '../refusals.ts';
import { agentProcedure, consoleProcedure, createTRPCRouter, trainerProcedure } from '../trpc.ts';

/**
 * Certifications: trainers (and leads and admins) keep the catalog and grant, renew and revoke;
 * the console reads who holds what; everyone in the workspace sees only their own.
 */
export const certificationsRouter = createTRPCRouter({
  /** The catalog with holders per state, the request types it gates and curricula granting it. */
  list: consoleProcedure
    .input(certificationListInputSchema)
    .query(({ ctx, input }) => listCertifications(ctx.db, input)),

  create: trainerProcedure
    .input(createCertificationInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => createCertification(ctx.db, input, ctx.viewer.id)),
    ),

  update: trainerProcedure
    .input(updateCertificationInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => updateCertification(ctx.db, input, ctx.viewer.id)),
    ),

  archive: trainerProcedure
    .input(archiveCertificationInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => archiveCertification(ctx.db, input, ctx.viewer.id)),
    ),

  restore: trainerProcedure
    .input(archiveCertificationInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => restoreCertification(ctx.db, input, ctx.viewer.id)),
    ),

  /** People × certifications, each cell the grant's state, paged by person. */
  holders: consoleProcedure
    .input(certificationHoldersInputSchema)
    .query(({ ctx, input }) => listCertificationHolders(ctx.db, input)),

  /** Grants to several people at once; renews for those who hold it already. */
  grant: trainerProcedure
    .input(grantCertificationsInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => grantCertifications(ctx.db, input, ctx.viewer.id)),
    ),

  revoke: trainerProcedure
    .input(revokeCertificationInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => revokeCertification(ctx.db, input, ctx.viewer.id)),
    ),

  /** Grants running out soon (and, if asked, recently run out), soonest first. */
  expiring: consoleProcedure
    .input(expiringCertificationsInputSchema)
    .query(({ ctx, input }) => listExpiringCertifications(ctx.db, input)),

  /** The signed-in person's own certifications and the guardrail tier they give. */
  mine: agentProcedure.query(({ ctx }) => myCertifications(ctx.db, ctx.viewer)),
});
