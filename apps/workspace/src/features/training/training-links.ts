export const MY_TRAINING_PATH = '/training';

export const moduleLink = (enrolmentId: string, moduleId: string) =>
  `${MY_TRAINING_PATH}/${enrolmentId}/modules/${moduleId}`;
