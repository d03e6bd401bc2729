/** The site's namespaces: the list lives beside them, in wp-json/index.ts (the host names none of them). */
export { allNamespaces } from '../wp-json';
