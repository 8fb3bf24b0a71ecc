import type { paths } from './schema.gen';

// Types of the server's routes, generated from its OpenAPI document into schema.gen.ts
// (`npm run api:types`), so a server schema change breaks the web build instead of a screen.

export type { paths };
export type ApiPath = keyof paths;
type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends ApiPath, M extends HttpMethod> = NonNullable<paths[P][M]>;
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON a route answers with when it succeeds (its 200, else its 201). */
export type ApiResponse<P extends ApiPath, M extends HttpMethod = 'get'> =
  Operation<P, M> extends { responses: { 200: infer R } } ? Json<R> : Operation<P, M> extends { responses: { 201: infer R } } ? Json<R> : never;

/** The JSON body a route takes. */
export type ApiBody<P extends ApiPath, M extends HttpMethod> = Json<NonNullable<Operation<P, M>['requestBody']>>;

/** The query parameters a route takes. */
export type ApiQuery<P extends ApiPath, M extends HttpMethod = 'get'> = NonNullable<Operation<P, M>['parameters']['query']>;

/** One item of a `{ data: [...] }` list answer. */
export type ApiItem<P extends ApiPath, M extends HttpMethod = 'get'> = ApiResponse<P, M> extends { data: (infer I)[] } ? I : never;
