import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant, inTenantRead, type Tx } from '#db/tx.ts';
import { diffRecords, writeAudit } from '../audit/audit.ts';
import type { RequestContext } from '../context.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import { expectedVersion, withEtag } from '../http/conditional.ts';
import { calendarProblems, sortedWeek, type TBusinessCalendarInput, ZBusinessCalendarInput } from './calendar-input.ts';
import { type BusinessCalendar, deleteCalendar, findCalendar, insertCalendar, listCalendars, nameTaken, updateCalendar } from './calendars.repo.ts';

const ZInterval = z.object({ start: z.string(), end: z.string() });
const ZDay = z.object({ date: z.string(), name: z.string() });
const ZBusinessCalendar = z.object({
  id: z.string(),
  name: z.string(),
  /** IANA zone the intervals and dates are read in. */
  timeZone: z.string(),
  /** Seven days, Monday first. */
  week: z.array(z.array(ZInterval)),
  holidays: z.array(ZDay),
  /** Make-up working days (调休); they work the first weekday's hours that has any. */
  workdays: z.array(ZDay),
  isDefault: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
const ZParams = z.object({ id: z.uuid() });
const OBJECT = 'business_calendar';

const requireAdmin = (ctx: RequestContext) => {
  if (!ctx.access.isAdmin) throw new AppError('forbidden');
};

async function checked(tx: Tx, body: TBusinessCalendarInput, exceptId?: string) {
  const errors = calendarProblems(body);
  if (errors.length) throw new AppError('validation', { errors });
  if (await nameTaken(tx, { name: body.name, ...(exceptId ? { exceptId } : {}) }))
    throw new AppError('validation', { errors: [{ field: 'name', message: 'calendars.name_taken' }] });
  return { ...body, week: sortedWeek(body.week) };
}

const audited = ({ id: _id, version: _v, updatedAt: _u, ...rest }: BusinessCalendar) => rest;

/** Settings > Business hours: the tenant's working-time calendars (SLAs, approval escalations). Everyone reads; admins change. */
export function calendarRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tenant'];
  const db = deps.db.kysely;

  r.get(
    '/api/v1/business-calendars',
    {
      schema: {
        tags,
        summary: 'Business calendars (working hours, holidays, make-up days), the default first',
        response: { 200: z.object({ data: z.array(ZBusinessCalendar) }) },
      },
    },
    async (req) => ({ data: await inTenantRead(db, req.ctx.tenantId, listCalendars) }),
  );

  r.get(
    '/api/v1/business-calendars/:id',
    { schema: { tags, summary: 'One business calendar (ETag)', params: ZParams, response: { 200: ZBusinessCalendar } } },
    async (req, reply) => {
      const found = await inTenantRead(db, req.ctx.tenantId, (tx) => findCalendar(tx, req.params.id));
      if (!found) throw notFound(OBJECT);
      return withEtag(reply, found);
    },
  );

  r.post(
    '/api/v1/business-calendars',
    {
      schema: {
        tags,
        summary: 'Create a business calendar (admins); `isDefault` makes it the tenant’s default',
        body: ZBusinessCalendarInput,
        response: { 201: ZBusinessCalendar },
      },
    },
    async (req, reply) => {
      requireAdmin(req.ctx);
      const created = await inTenant(db, req.ctx.tenantId, async (tx) => {
        const values = await checked(tx, req.body);
        const id = await insertCalendar(tx, { tenantId: req.ctx.tenantId, userId: req.ctx.userId, values });
        const after = await findCalendar(tx, id);
        if (!after) throw new Error('business calendar vanished');
        await writeAudit(tx, req.ctx, { action: 'created', objectType: OBJECT, objectId: id, changes: diffRecords(null, audited(after)) });
        return after;
      });
      reply.code(201);
      return withEtag(reply, created);
    },
  );

  r.put(
    '/api/v1/business-calendars/:id',
    {
      schema: {
        tags,
        summary: 'Replace a business calendar (admins; If-Match). The default stays the default.',
        params: ZParams,
        body: ZBusinessCalendarInput,
        response: { 200: ZBusinessCalendar },
      },
    },
    async (req, reply) => {
      requireAdmin(req.ctx);
      const version = expectedVersion(req);
      const updated = await inTenant(db, req.ctx.tenantId, async (tx) => {
        const before = await findCalendar(tx, req.params.id);
        if (!before) throw notFound(OBJECT);
        if (version !== undefined && version !== before.version)
          throw new AppError('precondition_failed', { params: { expected: version, actual: before.version } });
        const values = await checked(tx, { ...req.body, isDefault: req.body.isDefault || before.isDefault }, before.id);
        await updateCalendar(tx, { id: before.id, userId: req.ctx.userId, values });
        const after = await findCalendar(tx, before.id);
        if (!after) throw new Error('business calendar vanished');
        await writeAudit(tx, req.ctx, { action: 'updated', objectType: OBJECT, objectId: before.id, changes: diffRecords(audited(before), audited(after)) });
        return after;
      });
      return withEtag(reply, updated);
    },
  );

  r.delete(
    '/api/v1/business-calendars/:id',
    {
      schema: {
        tags,
        summary: 'Delete a business calendar (admins; If-Match). The default cannot be deleted; what named this one counts on the default.',
        params: ZParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      requireAdmin(req.ctx);
      const version = expectedVersion(req);
      await inTenant(db, req.ctx.tenantId, async (tx) => {
        const before = await findCalendar(tx, req.params.id);
        if (!before) throw notFound(OBJECT);
        if (version !== undefined && version !== before.version)
          throw new AppError('precondition_failed', { params: { expected: version, actual: before.version } });
        if (before.isDefault) throw new AppError('conflict', { message: 'calendars.default_delete' });
        await deleteCalendar(tx, before.id);
        await writeAudit(tx, req.ctx, { action: 'deleted', objectType: OBJECT, objectId: before.id, changes: diffRecords(audited(before), null) });
      });
      return reply.code(204).send(null);
    },
  );
}
