import type { FastifyInstance } from 'fastify';
import type { Deps } from './deps.ts';
import type { ObjectDeclaration } from './objects/object-registry.ts';

/**
 * A domain module's public surface as the app sees it (docs/adding-a-module.md): the objects it
 * declares for the registry, and its routes and event subscribers.
 */
export type KehuModule = {
  name: string;
  /** Objects this module owns, declared once; the platform derives the rest from them. */
  objects?: readonly ObjectDeclaration[];
  /**
   * Kinds of notification this module sends beyond the notifications module's own (`contract_renewal`):
   * users choose a channel per kind for them too, and no other module is edited to add one.
   */
  notificationKinds?: readonly string[];
  register: (app: FastifyInstance, deps: Deps) => void;
};
