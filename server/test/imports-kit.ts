// Imports through the API, for any module's tests of its object's ImportSpec (tickets, products…):
// the imports module's own test client, shared here as the other cross-module kits are.
export { importsClient, tempFile } from '../src/modules/imports/imports.test-kit.ts';
