// Generated from docs/openapi/emulator-v1.json by tests/openapi/generate-types.mjs: do not edit.
export interface paths {
    "/wp-json/emulator/v1": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The emulator/v1 namespace's index */
        get: operations["get_emulator_v1"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/emulator/v1/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["post_emulator_v1_reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/emulator/v1/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_emulator_v1_clock"];
        put?: never;
        post: operations["post_emulator_v1_clock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/emulator/v1/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_emulator_v1_outbox"];
        put?: never;
        post?: never;
        delete: operations["delete_emulator_v1_outbox"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/emulator/v1/journal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_emulator_v1_journal"];
        put?: never;
        post?: never;
        delete: operations["delete_emulator_v1_journal"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/emulator/v1/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_emulator_v1_faults"];
        put?: never;
        post: operations["post_emulator_v1_faults"];
        delete: operations["delete_emulator_v1_faults"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/emulator/v1/faults/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_emulator_v1_faults_id"];
        put?: never;
        post?: never;
        delete: operations["delete_emulator_v1_faults_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/emulator/v1/tokens/introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["post_emulator_v1_tokens_introspect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/emulator/v1/openapi": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The OpenAPI 3.1 document of the site, or of one namespace */
        get: operations["get_emulator_v1_openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/emulator/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_emulator_v1_tokens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/emulator/v1/journal/har": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_emulator_v1_journal_har"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        WordPressError: {
            code: string;
            message: string;
            data: null | {
                status?: number;
            };
            additional_errors?: unknown[];
        };
        post_emulator_v1_clock_body: {
            /** @description Seconds to move the clock by (negative moves it back). */
            advance?: number;
            /**
             * Format: date-time
             * @description ISO 8601 time to freeze the clock at.
             */
            set?: string;
            /** @description true: back to the machine clock. */
            real?: boolean;
        };
        post_emulator_v1_faults_body: {
            /** @description HTTP method to match (POST), or * for any (default). */
            method?: string;
            /** @description Glob of the path to match, starting with /: * within a segment, ** across segments, ? one character. */
            path?: string;
            /** @description Regular expression of the path to match (instead of path). */
            pathRegex?: string;
            /** @description Delay before answering, in milliseconds. */
            latencyMs?: number;
            /** @description Status to answer with instead of the route. */
            status?: number;
            /** @description JSON body to answer with (null: no body). */
            body?: unknown;
            /** @description Extra headers to answer with: header names to single-line strings. */
            headers?: Record<string, never> | null;
            /** @description How many matching requests (default: until cleared). */
            times?: number | null;
        };
        post_emulator_v1_tokens_introspect_body: {
            /** @description A token any namespace issued. */
            token: string;
            /** @description The namespace module that issued it (everest-backup, availo, purewl, pkmnapi, fess), when the token could be several. */
            vendor?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    get_emulator_v1: {
        parameters: {
            query?: {
                namespace?: unknown;
                context?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        namespace: string;
                        routes: {
                            [key: string]: {
                                namespace: string;
                                methods: string[];
                                endpoints: {
                                    methods: string[];
                                    args: Record<string, never> | unknown[];
                                }[];
                                _links?: {
                                    [key: string]: {
                                        href?: string;
                                    }[];
                                };
                            };
                        };
                        _links?: {
                            [key: string]: {
                                href?: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
        };
    };
    post_emulator_v1_reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        reset: true;
                        clock: {
                            now: string;
                            timestamp: number;
                            mode: string;
                            offsetMs: number;
                        };
                    };
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
        };
    };
    get_emulator_v1_clock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        now: string;
                        timestamp: number;
                        mode: string;
                        offsetMs: number;
                    };
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
        };
    };
    post_emulator_v1_clock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "advance": 901
                 *     }
                 */
                "application/json": components["schemas"]["post_emulator_v1_clock_body"];
                /**
                 * @example {
                 *       "advance": 901
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["post_emulator_v1_clock_body"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        now: string;
                        timestamp: number;
                        mode: string;
                        offsetMs: number;
                    };
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
        };
    };
    get_emulator_v1_outbox: {
        parameters: {
            query?: {
                /** @description Only messages to this recipient (case-insensitive). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: unknown;
                        to: string;
                        subject: string;
                        text: string;
                        sentAt?: string;
                    }[];
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
        };
    };
    delete_emulator_v1_outbox: {
        parameters: {
            query?: {
                /** @description Only messages to this recipient. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: number;
                    };
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
        };
    };
    get_emulator_v1_journal: {
        parameters: {
            query?: {
                /** @description A REST namespace (availo/v1) or a module id (availo). */
                namespace?: string;
                /** @description A glob matched against the request path, starting with / (/wp-json/availo/v1/**). */
                path?: string;
                /** @description A status (503), a class (5xx) or a comma-separated list. */
                status?: number | string | (number | string)[];
                /** @description HTTP method. */
                method?: string;
                /** @description Only the last N matching requests. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        method: string;
                        path: string;
                        status: number;
                        fault?: string | null;
                    }[];
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
        };
    };
    delete_emulator_v1_journal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: number;
                    };
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
        };
    };
    get_emulator_v1_faults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    }[];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
        };
    };
    post_emulator_v1_faults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "path": "/wp-json/availo/v1/*",
                 *       "status": 503,
                 *       "times": 1
                 *     }
                 */
                "application/json": components["schemas"]["post_emulator_v1_faults_body"];
                /**
                 * @example {
                 *       "path": "/wp-json/availo/v1/*",
                 *       "status": 503,
                 *       "times": 1
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["post_emulator_v1_faults_body"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    };
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
        };
    };
    delete_emulator_v1_faults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: number;
                    };
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
        };
    };
    get_emulator_v1_faults_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    };
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
        };
    };
    delete_emulator_v1_faults_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: number;
                    };
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
        };
    };
    post_emulator_v1_tokens_introspect: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["post_emulator_v1_tokens_introspect_body"];
                "application/x-www-form-urlencoded": components["schemas"]["post_emulator_v1_tokens_introspect_body"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active: boolean;
                        vendor: string;
                        sub?: string;
                        exp?: number;
                        iat?: number;
                    };
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
        };
    };
    get_emulator_v1_openapi: {
        parameters: {
            query?: {
                /** @description One namespace (`fess/v1`); absent: the whole site. */
                namespace?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        openapi: "3.1.0";
                        info: Record<string, never>;
                        paths: Record<string, never>;
                    };
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
        };
    };
    get_emulator_v1_tokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        now: string;
                        timestamp: number;
                        mode: string;
                        tokens: {
                            vendor: string;
                            prefix: string;
                            hash: string;
                            sub: string | null;
                            iat: number;
                            exp: number | null;
                            /** @enum {unknown} */
                            state: "active" | "expired" | "revoked" | "rotated";
                            source: string;
                        }[];
                    };
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
        };
    };
    get_emulator_v1_journal_har: {
        parameters: {
            query?: {
                /** @description A REST namespace (availo/v1) or a module id (availo). */
                namespace?: string;
                /** @description A glob matched against the request path, starting with / (/wp-json/availo/v1/**). */
                path?: string;
                /** @description A status (503), a class (5xx) or a comma-separated list. */
                status?: number | string | (number | string)[];
                /** @description HTTP method. */
                method?: string;
                /** @description Only the last N matching requests. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        log: {
                            /** @constant */
                            version: "1.2";
                            creator: Record<string, never>;
                            entries: Record<string, never>[];
                        };
                    };
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPressError"];
                };
            };
        };
    };
}
