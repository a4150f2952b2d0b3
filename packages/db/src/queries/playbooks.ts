// Macros and SOP playbooks: one entry point for the API (`@switchboard/db/queries/playbooks`).
export * from './macros.ts';
export * from './playbook-errors.ts';
export * from './sops.ts';
