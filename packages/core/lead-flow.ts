// Where a lead may move, shared by the API (which enforces it) and the console (which offers only
// these steps). Pure data with type-only imports, so a browser bundle carries no zod.
import type { LeadStatus, ProgressInput } from './schemas/lead';

export type ProgressStep = ProgressInput['status'];

/** Where each forward step may come from: forward only, and a delivery needs a signed contract. */
export const PROGRESS_FROM: Readonly<Record<ProgressStep, readonly LeadStatus[]>> = {
  contacted: ['accepted'],
  proposal: ['accepted', 'contacted'],
  signed: ['accepted', 'contacted', 'proposal'],
  delivered: ['signed'],
  lost: ['accepted', 'contacted', 'proposal', 'signed'],
};

/** The steps the platform may take from a status, in funnel order. */
export const nextSteps = (from: LeadStatus): ProgressStep[] =>
  (Object.keys(PROGRESS_FROM) as ProgressStep[]).filter((st) => PROGRESS_FROM[st].includes(from));
