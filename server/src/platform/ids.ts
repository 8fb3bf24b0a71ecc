// Ids live in db/ids.ts (the database layer imports nothing above it, and tx.ts checks tenant ids);
// the platform and the modules keep importing them from here.
export { isUuid, newId } from '#db/ids.ts';
