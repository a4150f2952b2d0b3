import {
  addTaxonomyNode,
  listCertificationOptions,
  mergeTaxonomyNodes,
  moveTaxonomyNode,
  renameTaxonomyNode,
  setTaxonomyNodeDeprecated,
  taxonomyTree,
  updateRequestTypeLinks,
} from '@switchboard/db/queries/taxonomy-editor';
import {
  addTaxonomyNodeInputSchema,
  mergeTaxonomyNodesInputSchema,
  moveTaxonomyNodeInputSchema,
  renameTaxonomyNodeInputSchema,
  setTaxonomyNodeDeprecatedInputSchema,
  updateRequestTypeLinksInputSchema,
} from '@switchboard/domain';
import { refusalsAsTrpcErrors } from '../refusals.ts';
import { consoleProcedure, createTRPCRouter, leadProcedure } from '../trpc.ts';

/**
 * The taxonomy editor: category → request type → reason. Leads, trainers and admins read
 * it; leads and admins change it, each change versioned with an optional rollout note.
 */
export const taxonomyRouter = createTRPCRouter({
  /** Every node with its usage count; request types with their links. */
  tree: consoleProcedure.query(({ ctx }) => taxonomyTree(ctx.db)),

  /** Certifications a request type may require. */
  certifications: consoleProcedure.query(({ ctx }) => listCertificationOptions(ctx.db)),

  addNode: leadProcedure
    .input(addTaxonomyNodeInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() =>
        addTaxonomyNode(ctx.db, input, { actorId: ctx.viewer.id, rolloutNote: input.rolloutNote }),
      ),
    ),

  renameNode: leadProcedure.input(renameTaxonomyNodeInputSchema).mutation(({ ctx, input }) =>
    refusalsAsTrpcErrors(() =>
      renameTaxonomyNode(ctx.db, input, {
        actorId: ctx.viewer.id,
        rolloutNote: input.rolloutNote,
      }),
    ),
  ),

  moveNode: leadProcedure
    .input(moveTaxonomyNodeInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() =>
        moveTaxonomyNode(ctx.db, input, { actorId: ctx.viewer.id, rolloutNote: input.rolloutNote }),
      ),
    ),

  setDeprecated: leadProcedure
    .input(setTaxonomyNodeDeprecatedInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() =>
        setTaxonomyNodeDeprecated(ctx.db, input, {
          actorId: ctx.viewer.id,
          rolloutNote: input.rolloutNote,
        }),
      ),
    ),

  /** Retires `fromCode` into `intoCode` and re-points its conversations. */
  mergeNodes: leadProcedure.input(mergeTaxonomyNodesInputSchema).mutation(({ ctx, input }) =>
    refusalsAsTrpcErrors(() =>
      mergeTaxonomyNodes(ctx.db, input, {
        actorId: ctx.viewer.id,
        rolloutNote: input.rolloutNote,
      }),
    ),
  ),

  updateRequestTypeLinks: leadProcedure
    .input(updateRequestTypeLinksInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() =>
        updateRequestTypeLinks(ctx.db, input, {
          actorId: ctx.viewer.id,
          rolloutNote: input.rolloutNote,
        }),
      ),
    ),
});
