import { z } from 'zod';
import { boolean, enumOf, id, json, recordFields, text } from '#platform/objects/fields.ts';
import { defineFields } from '#platform/objects/object-fields.ts';
import { ROUTING_METHODS } from './routing.rules.ts';

const ZMember = z.object({ userId: z.string(), skills: z.array(z.string()) });
const ZMemberInput = z.object({ userId: z.uuid(), skills: z.array(z.string().trim().min(1).max(50)).max(30).default([]) }).strict();

/** A ticket queue's fields: its members (agents, each with skills) and how it routes new tickets to them. */
export const QUEUE_FIELDS = defineFields({
  id: id(),
  name: text({ max: 100, required: true }),
  description: text({ max: 1000, filter: false }),
  method: enumOf(ROUTING_METHODS, { required: true }),
  members: json({
    output: z.array(ZMember),
    input: z.array(ZMemberInput).max(200),
    // One entry per user; skills unique.
    write: (value) => {
      const seen = new Set<string>();
      return (value as { userId: string; skills: string[] }[])
        .filter((m) => !seen.has(m.userId) && seen.add(m.userId))
        .map((m) => ({ userId: m.userId, skills: [...new Set(m.skills)] }));
    },
  }),
  active: boolean(),
  ...recordFields(),
});
