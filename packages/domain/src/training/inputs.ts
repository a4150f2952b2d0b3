import { z } from 'zod';
import { pageInputSchema } from '../shared/pagination.ts';
import { trainingModuleInputSchema } from './modules.ts';
import { quizResponseSchema } from './quiz.ts';

/* What the training API takes. Messages name the field, for the forms that use them too. */

const curriculumIdSchema = z.uuid('Curriculum: choose a curriculum');
const enrolmentIdSchema = z.uuid('Enrolment: not an enrolment id');
const moduleIdSchema = z.uuid('Module: not a module id');
const userIdSchema = z.string().min(1, 'Person: choose someone').max(200);
const dueDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Due date: a date (YYYY-MM-DD)')
  .nullable();

export const curriculumFieldsSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'Code: capitals, digits and _ (2–40), starting with a letter'),
  name: z.string().trim().min(3, 'Name: at least 3 characters').max(120, 'Name: at most 120'),
  description: z.string().trim().max(2000, 'Description: at most 2,000 characters').default(''),
  certificationId: z.uuid('Certification: choose a certification').nullable(),
  requiresSignOff: z.boolean({ error: 'Trainer sign-off: yes or no' }),
});
export type CurriculumFields = z.infer<typeof curriculumFieldsSchema>;

export const createCurriculumInputSchema = curriculumFieldsSchema;
export const updateCurriculumInputSchema = curriculumFieldsSchema.extend({
  curriculumId: curriculumIdSchema,
});
export type UpdateCurriculumInput = z.infer<typeof updateCurriculumInputSchema>;

export const curriculumIdInputSchema = z.object({ curriculumId: curriculumIdSchema });
export const archiveCurriculumInputSchema = z.object({
  curriculumId: curriculumIdSchema,
  archived: z.boolean(),
});

export const curriculumListInputSchema = z.object({
  includeArchived: z.boolean().default(false),
  search: z.string().trim().max(100).optional(),
});
export type CurriculumListInput = z.infer<typeof curriculumListInputSchema>;

export const addTrainingModuleInputSchema = z.object({
  curriculumId: curriculumIdSchema,
  module: trainingModuleInputSchema,
});
export type AddTrainingModuleInput = z.infer<typeof addTrainingModuleInputSchema>;

export const updateTrainingModuleInputSchema = z.object({
  moduleId: moduleIdSchema,
  module: trainingModuleInputSchema,
});
export type UpdateTrainingModuleInput = z.infer<typeof updateTrainingModuleInputSchema>;

export const trainingModuleIdInputSchema = z.object({ moduleId: moduleIdSchema });

export const reorderTrainingModulesInputSchema = z.object({
  curriculumId: curriculumIdSchema,
  moduleIds: z
    .array(moduleIdSchema)
    .min(1, 'Modules: list every module')
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Modules: each only once' }),
});
export type ReorderTrainingModulesInput = z.infer<typeof reorderTrainingModulesInputSchema>;

export const setTeamTrainingPlanInputSchema = z.object({
  teamId: z.uuid('Team: choose a team'),
  curriculumIds: z
    .array(curriculumIdSchema)
    .max(20, 'Curricula: at most 20 in a plan')
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Curricula: each only once' }),
});
export type SetTeamTrainingPlanInput = z.infer<typeof setTeamTrainingPlanInputSchema>;

export const enrolInputSchema = z.object({
  curriculumId: curriculumIdSchema,
  userIds: z
    .array(userIdSchema)
    .min(1, 'People: choose at least one person')
    .max(200, 'People: at most 200 at once'),
  dueDate: dueDateSchema.default(null),
});
export type EnrolInput = z.infer<typeof enrolInputSchema>;

export const enrolmentIdInputSchema = z.object({ enrolmentId: enrolmentIdSchema });

export const setEnrolmentDueDateInputSchema = z.object({
  enrolmentId: enrolmentIdSchema,
  dueDate: dueDateSchema,
});

export const COHORT_FILTERS = ['all', 'active', 'stuck', 'overdue', 'completed'] as const;
export type CohortFilter = (typeof COHORT_FILTERS)[number];
export const COHORT_FILTER_LABELS: Record<CohortFilter, string> = {
  all: 'Everyone',
  active: 'In training',
  stuck: 'Stuck',
  overdue: 'Overdue',
  completed: 'Completed',
};

export const cohortInputSchema = z.object({
  curriculumId: curriculumIdSchema,
  filter: z.enum(COHORT_FILTERS).default('all'),
  search: z.string().trim().max(100).optional(),
});
export type CohortInput = z.infer<typeof cohortInputSchema>;

export const traineeListInputSchema = pageInputSchema.extend({
  search: z.string().trim().max(100).optional(),
  filter: z.enum(COHORT_FILTERS).default('active'),
});
export type TraineeListInput = z.infer<typeof traineeListInputSchema>;

export const trainingRecordInputSchema = z.object({ userId: userIdSchema });

export const moduleProgressKeySchema = z.object({
  enrolmentId: enrolmentIdSchema,
  moduleId: moduleIdSchema,
});
export type ModuleProgressKey = z.infer<typeof moduleProgressKeySchema>;

export const submitQuizInputSchema = moduleProgressKeySchema.extend({
  responses: z.record(z.string().max(40), quizResponseSchema),
});
export type SubmitQuizInput = z.infer<typeof submitQuizInputSchema>;

export const markingQueueInputSchema = pageInputSchema.extend({
  curriculumId: curriculumIdSchema.optional(),
});
export type MarkingQueueInput = z.infer<typeof markingQueueInputSchema>;

export const quizAttemptIdInputSchema = z.object({
  attemptId: z.uuid('Attempt: not an attempt id'),
});

export const markQuizAttemptInputSchema = z.object({
  attemptId: z.uuid('Attempt: not an attempt id'),
  marks: z.record(
    z.string().max(40),
    z
      .number({ error: 'Points: a whole number' })
      .int('Points: a whole number')
      .min(0, 'Points: at least 0')
      .max(20, 'Points: at most 20'),
  ),
  feedback: z.string().trim().max(2000, 'Feedback: at most 2,000 characters').default(''),
});
export type MarkQuizAttemptInput = z.infer<typeof markQuizAttemptInputSchema>;

export const signOffModuleInputSchema = moduleProgressKeySchema;
export const signOffEnrolmentInputSchema = enrolmentIdInputSchema;
export const allowRetakeInputSchema = moduleProgressKeySchema;

export const logShadowingInputSchema = moduleProgressKeySchema.extend({
  conversationNumber: z
    .number({ error: 'Conversation: the number, e.g. 10423' })
    .int('Conversation: the number, e.g. 10423')
    .min(1, 'Conversation: the number, e.g. 10423'),
});
export type LogShadowingInput = z.infer<typeof logShadowingInputSchema>;

export const removeShadowingInputSchema = moduleProgressKeySchema.extend({
  conversationId: z.uuid('Conversation: not a conversation id'),
});
export type RemoveShadowingInput = z.infer<typeof removeShadowingInputSchema>;
