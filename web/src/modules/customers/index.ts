// Companies and contacts (the customer 360). Other features reach them only through this file.
export { companyObject } from './objects/company-object';
export { contactObject } from './objects/contact-object';
