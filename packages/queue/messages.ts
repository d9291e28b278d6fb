import { z } from 'zod';

/** One schema per message; consumers parse with these, so a malformed message fails loudly. */
export const IndicatorsReported = z.object({
  type: z.literal('IndicatorsReported'),
  platformId: z.string().min(1),
  year: z.number().int(),
  version: z.number().int().positive(),
});

export const ReassessRequested = z.object({
  type: z.literal('ReassessRequested'),
  platformId: z.string().min(1),
  ruleSetVersion: z.string().min(1),
});

/** A round's application was submitted: grade it on the round year's report (submission-scoped). */
export const AssessApplication = z.object({
  type: z.literal('AssessApplication'),
  applicationId: z.string().min(1),
  submission: z.number().int().positive(),
});
export type ApplicationMessage = z.infer<typeof AssessApplication>;

export type PlatformAssessMessage = z.infer<typeof IndicatorsReported> | z.infer<typeof ReassessRequested>;

export const AssessMessage = z.discriminatedUnion('type', [IndicatorsReported, ReassessRequested, AssessApplication]);
export type AssessMessage = z.infer<typeof AssessMessage>;

export const EmbedMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ScenarioPublished'), scenarioId: z.string().min(1) }),
  z.object({ type: z.literal('PlatformChanged'), platformId: z.string().min(1) }),
]);
export type EmbedMessage = z.infer<typeof EmbedMessage>;

export const MatchMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('MatchScenario'), scenarioId: z.string().min(1) }),
  // A platform's capabilities changed: match it against scenarios that are still open.
  z.object({ type: z.literal('MatchOpenScenarios'), platformId: z.string().min(1) }),
]);
export type MatchMessage = z.infer<typeof MatchMessage>;

export const PairingMessage = z.object({
  type: z.literal('Pairing'),
  scenarioId: z.string().min(1),
  platformId: z.string().min(1),
  roadshowId: z.string().min(1).optional(),
});
export type PairingMessage = z.infer<typeof PairingMessage>;

export const RoadshowMessage = z.object({
  type: z.literal('ComposeRoadshow'),
  roadshowId: z.string().min(1),
});
export type RoadshowMessage = z.infer<typeof RoadshowMessage>;

export interface QueueMessages {
  assess: AssessMessage;
  embed: EmbedMessage;
  match: MatchMessage;
  pairing: PairingMessage;
  roadshow: RoadshowMessage;
}
