// Stands in for the `graphql` package in dist/api-validator.js: @redocly/openapi-core imports it
// for GraphQL schemas, which SpecReady never validates (it reads OpenAPI, AsyncAPI and JSON
// Schema files only). Leaving it out keeps 270 KB out of every package. Each name only throws.
function unsupported(): never {
  throw new Error('GraphQL documents are not supported');
}

export class GraphQLError extends Error {}
export class Source {}
export const buildASTSchema = unsupported;
export const validateSchema = unsupported;
export const getLocation = unsupported;
export const parse = unsupported;
export const visitInParallel = unsupported;
export const visit = unsupported;
