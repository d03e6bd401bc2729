export { openApiDocument, type DocumentOptions } from './document';
export { describeNamespace, namespaceFacts } from './registry';
export { toYaml } from './yaml';
export type { JsonSchema, NamespaceOpenApi, NamespaceOpenApiSource, OperationFacts, ResponseFacts } from './types';
