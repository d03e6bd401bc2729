// Generated from docs/openapi/pkmnapi-v1.json by tests/openapi/generate-types.mjs: do not edit.
export interface paths {
    "/wp-json/pkmnapi/v1": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pkmnapi/v1 namespace's index */
        get: operations["get_pkmnapi_v1"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/pkmnapi/v1/access_tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request an access token by e-mail */
        post: operations["post_pkmnapi_v1_access_tokens"];
        /** Delete the token with the mailed delete code */
        delete: operations["delete_pkmnapi_v1_access_tokens"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/pkmnapi/v1/access_tokens/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request a delete code by e-mail */
        post: operations["post_pkmnapi_v1_access_tokens_delete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/pkmnapi/v1/roms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ROM of the token (none uploaded: 403 error_roms_no_rom) */
        get: operations["get_pkmnapi_v1_roms"];
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
        pkmnapi_v1_Error: {
            data: {
                id: string;
                /** @constant */
                type: "errors";
                attributes: {
                    message: string;
                };
            };
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
    get_pkmnapi_v1: {
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
    post_pkmnapi_v1_access_tokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "data": {
                 *         "type": "access_tokens",
                 *         "attributes": {
                 *           "email_address": "user@example.com"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": {
                    data: {
                        /** @constant */
                        type: "access_tokens";
                        attributes: {
                            email_address: string;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Accepted: the token (or delete code) is on its way by e-mail */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": Record<string, never>;
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["pkmnapi_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["pkmnapi_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["pkmnapi_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["pkmnapi_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    delete_pkmnapi_v1_access_tokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "data": {
                 *         "type": "access_tokens",
                 *         "attributes": {
                 *           "code": "<code>",
                 *           "email_address": "user@example.com"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": {
                    data: {
                        /** @constant */
                        type: "access_tokens";
                        attributes: {
                            code: string;
                            email_address: string;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Done (also when the code does not match) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["pkmnapi_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["pkmnapi_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["pkmnapi_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    post_pkmnapi_v1_access_tokens_delete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "data": {
                 *         "type": "access_tokens",
                 *         "attributes": {
                 *           "email_address": "user@example.com"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": {
                    data: {
                        /** @constant */
                        type: "access_tokens";
                        attributes: {
                            email_address: string;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Accepted: the token (or delete code) is on its way by e-mail */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": Record<string, never>;
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["pkmnapi_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["pkmnapi_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["pkmnapi_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["pkmnapi_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    get_pkmnapi_v1_roms: {
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
                        data: Record<string, never>;
                    };
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["pkmnapi_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["pkmnapi_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["pkmnapi_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
}
