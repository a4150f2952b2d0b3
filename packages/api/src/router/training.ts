import {
  addTrainingModule,
  createCurriculum,
  curriculumDetail,
  curriculumEditorOptions,
  listCurricula,
  removeTrainingModule,
  reorderTrainingModules,
  setCurriculumArchived,
  updateCurriculum,
  updateTrainingModule,
} from '@switchboard/db/queries/training-curricula';
import {
  enrolPeople,
  setEnrolmentDueDate,
  withdrawEnrolment,
} from '@switchboard/db/queries/training-enrolments';
import {
  listMarkingQueue,
  markQuizAttempt,
  quizAttemptDetail,
} from '@switchboard/db/queries/training-marking';
import { myModuleView, myTraining } from '@switchboard/db/queries/training-my-training';
import {
  listTeamTrainingPlans,
  setTeamTrainingPlan,
} from '@switchboard/db/queries/training-plan-settings';
import {
  acknowledgeSopReading,
  logShadowedConversation,
  markWalkthroughDone,
  startModule,
  submitQuizAttempt,
} from '@switchboard/db/queries/training-progress';
import {
  cohortOf,
  listTraineeEnrolments,
  trainingRecordOf,
} from '@switchboard/db/queries/training-records';
import {
  allowQuizRetake,
  removeShadowedConversation,
  signOffEnrolment,
  signOffModule,
  trainerLogShadowing,
} from '@switchboard/db/queries/training-sign-off';
import {
  addTrainingModuleInputSchema,
  allowRetakeInputSchema,
  archiveCurriculumInputSchema,
  cohortInputSchema,
  createCurriculumInputSchema,
  curriculumIdInputSchema,
  curriculumListInputSchema,
  enrolInputSchema,
  enrolmentIdInputSchema,
  logShadowingInputSchema,
  markingQueueInputSchema,
  markQuizAttemptInputSchema,
  moduleProgressKeySchema,
  quizAttemptIdInputSchema,
  removeShadowingInputSchema,
  reorderTrainingModulesInputSchema,
  setEnrolmentDueDateInputSchema,
  setTeamTrainingPlanInputSchema,
  signOffEnrolmentInputSchema,
  signOffModuleInputSchema,
  submitQuizInputSchema,
  traineeListInputSchema,
  trainingModuleIdInputSchema,
  trainingRecordInputSchema,
  updateCurriculumInputSchema,
  updateTrainingModuleInputSchema,
} from '@switchboard/domain';
import { refusalsAsTrpcErrors } from '../refusals.ts';
import { agentProcedure, createTRPCRouter, trainerProcedure } from '../trpc.ts';

/**
 * Training. Trainers, leads and admins build curricula, enrol people, mark quizzes and sign
 * off; everyone in the workspace follows their own training ("my…" procedures), and only
 * their own: the enrolment is checked against the viewer in every query.
 */
export const trainingRouter = createTRPCRouter({
  // --- Curricula --------------------------------------------------------------------------
  curricula: trainerProcedure
    .input(curriculumListInputSchema)
    .query(({ ctx, input }) => listCurricula(ctx.db, input)),

  curriculum: trainerProcedure
    .input(curriculumIdInputSchema)
    .query(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => curriculumDetail(ctx.db, input.curriculumId)),
    ),

  /** Active certifications to grant, SOPs with their published versions to read. */
  editorOptions: trainerProcedure.query(({ ctx }) => curriculumEditorOptions(ctx.db)),

  createCurriculum: trainerProcedure
    .input(createCurriculumInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => createCurriculum(ctx.db, ctx.viewer.id, input)),
    ),

  updateCurriculum: trainerProcedure
    .input(updateCurriculumInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => updateCurriculum(ctx.db, ctx.viewer.id, input)),
    ),

  archiveCurriculum: trainerProcedure
    .input(archiveCurriculumInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => setCurriculumArchived(ctx.db, ctx.viewer.id, input)),
    ),

  addModule: trainerProcedure
    .input(addTrainingModuleInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => addTrainingModule(ctx.db, ctx.viewer.id, input)),
    ),

  updateModule: trainerProcedure
    .input(updateTrainingModuleInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => updateTrainingModule(ctx.db, ctx.viewer.id, input)),
    ),

  removeModule: trainerProcedure
    .input(trainingModuleIdInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => removeTrainingModule(ctx.db, ctx.viewer.id, input.moduleId)),
    ),

  reorderModules: trainerProcedure
    .input(reorderTrainingModulesInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => reorderTrainingModules(ctx.db, ctx.viewer.id, input)),
    ),

  // --- Team training plans ----------------------------------------------------------------
  teamPlans: trainerProcedure.query(({ ctx }) => listTeamTrainingPlans(ctx.db)),

  setTeamPlan: trainerProcedure
    .input(setTeamTrainingPlanInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => setTeamTrainingPlan(ctx.db, ctx.viewer.id, input)),
    ),

  // --- Enrolment and records --------------------------------------------------------------
  enrol: trainerProcedure
    .input(enrolInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => enrolPeople(ctx.db, ctx.viewer.id, input)),
    ),

  setDueDate: trainerProcedure
    .input(setEnrolmentDueDateInputSchema)
    .mutation(({ ctx, input }) => refusalsAsTrpcErrors(() => setEnrolmentDueDate(ctx.db, input))),

  withdraw: trainerProcedure
    .input(enrolmentIdInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => withdrawEnrolment(ctx.db, input.enrolmentId)),
    ),

  /** A curriculum's people × modules, with who is stuck or overdue. */
  cohort: trainerProcedure
    .input(cohortInputSchema)
    .query(({ ctx, input }) => refusalsAsTrpcErrors(() => cohortOf(ctx.db, input))),

  /** Everyone in training across curricula, most urgent first. */
  trainees: trainerProcedure
    .input(traineeListInputSchema)
    .query(({ ctx, input }) => listTraineeEnrolments(ctx.db, input)),

  /** One person's record; live practice is re-counted as it is read. */
  record: trainerProcedure
    .input(trainingRecordInputSchema)
    .query(({ ctx, input }) => refusalsAsTrpcErrors(() => trainingRecordOf(ctx.db, input.userId))),

  // --- Marking and sign-off ---------------------------------------------------------------
  markingQueue: trainerProcedure
    .input(markingQueueInputSchema)
    .query(({ ctx, input }) => listMarkingQueue(ctx.db, input)),

  attempt: trainerProcedure
    .input(quizAttemptIdInputSchema)
    .query(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => quizAttemptDetail(ctx.db, input.attemptId)),
    ),

  markAttempt: trainerProcedure
    .input(markQuizAttemptInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => markQuizAttempt(ctx.db, ctx.viewer.id, input)),
    ),

  signOffModule: trainerProcedure
    .input(signOffModuleInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => signOffModule(ctx.db, ctx.viewer.id, input)),
    ),

  signOffEnrolment: trainerProcedure
    .input(signOffEnrolmentInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => signOffEnrolment(ctx.db, ctx.viewer.id, input.enrolmentId)),
    ),

  allowRetake: trainerProcedure
    .input(allowRetakeInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => allowQuizRetake(ctx.db, ctx.viewer.id, input)),
    ),

  logShadowing: trainerProcedure
    .input(logShadowingInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => trainerLogShadowing(ctx.db, ctx.viewer.id, input)),
    ),

  removeShadowing: trainerProcedure
    .input(removeShadowingInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => removeShadowedConversation(ctx.db, ctx.viewer.id, input)),
    ),

  // --- My training (the viewer's own records only) ----------------------------------------
  mine: agentProcedure.query(({ ctx }) => myTraining(ctx.db, ctx.viewer.id)),

  myModule: agentProcedure
    .input(moduleProgressKeySchema)
    .query(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => myModuleView(ctx.db, ctx.viewer.id, input)),
    ),

  /** Opening a module notes the time on the server (time spent counts from here). */
  startModule: agentProcedure
    .input(moduleProgressKeySchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => startModule(ctx.db, ctx.viewer.id, input)),
    ),

  acknowledgeSop: agentProcedure
    .input(moduleProgressKeySchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => acknowledgeSopReading(ctx.db, ctx.viewer.id, input)),
    ),

  markWalkthroughDone: agentProcedure
    .input(moduleProgressKeySchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => markWalkthroughDone(ctx.db, ctx.viewer.id, input)),
    ),

  submitQuiz: agentProcedure
    .input(submitQuizInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => submitQuizAttempt(ctx.db, ctx.viewer.id, input)),
    ),

  /** The trainee logs a live conversation they watched for a shadowing module. */
  logMyShadowing: agentProcedure
    .input(logShadowingInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => logShadowedConversation(ctx.db, ctx.viewer.id, input)),
    ),
});
