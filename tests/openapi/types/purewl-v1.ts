// Generated from docs/openapi/purewl-v1.json by tests/openapi/generate-types.mjs: do not edit.
export interface paths {
    "/wp-json/purewl/v1": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The purewl/v1 namespace's index */
        get: operations["get_purewl_v1"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/purewl/v1/auth/v1/accessToken": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Get an access token (grantType secret) or rotate it (grantType refresh) */
        post: operations["post_purewl_v1_auth_v1_accessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/purewl/v1/resellers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_purewl_v1_resellers"];
        put?: never;
        post: operations["post_purewl_v1_resellers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/purewl/v1/resellers/{reseller}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_purewl_v1_resellers_reseller"];
        put?: never;
        post?: never;
        delete: operations["delete_purewl_v1_resellers_reseller"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/purewl/v1/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A protected Atom API call (echoes the token's reseller) */
        get: operations["get_purewl_v1_path"];
        /** A protected Atom API call (echoes the token's reseller) */
        put: operations["put_purewl_v1_path"];
        /** A protected Atom API call (echoes the token's reseller) */
        post: operations["post_purewl_v1_path"];
        /** A protected Atom API call (echoes the token's reseller) */
        delete: operations["delete_purewl_v1_path"];
        options?: never;
        head?: never;
        /** A protected Atom API call (echoes the token's reseller) */
        patch: operations["patch_purewl_v1_path"];
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
        purewl_v1_Error: {
            header: {
                code: number;
                message: string;
                /** @constant */
                response_code: 0;
            };
            body: Record<string, never>;
        };
        post_purewl_v1_auth_v1_accessToken_body: {
            /** @enum {string} */
            grantType: "secret" | "refresh";
            secretKey?: string;
            refreshToken?: string;
        };
        post_purewl_v1_resellers_body: {
            resellerId?: number | string;
            resellerUid?: string;
            secretKey?: string;
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
    get_purewl_v1: {
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
    post_purewl_v1_auth_v1_accessToken: {
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
                 *       "grantType": "secret",
                 *       "secretKey": "<reseller secret>"
                 *     }
                 */
                "application/json": components["schemas"]["post_purewl_v1_auth_v1_accessToken_body"];
                /**
                 * @example {
                 *       "grantType": "secret",
                 *       "secretKey": "<reseller secret>"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["post_purewl_v1_auth_v1_accessToken_body"];
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
                        header: {
                            /** @constant */
                            code: 1;
                            /** @constant */
                            message: "success";
                            /** @constant */
                            response_code: 1;
                        };
                        body: {
                            accessToken: string;
                            refreshToken: string;
                            expiry: number;
                            resellerId?: unknown;
                            resellerUid?: string;
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
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    get_purewl_v1_resellers: {
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
                        header: {
                            /** @constant */
                            code: 1;
                            /** @constant */
                            message: "success";
                            /** @constant */
                            response_code: 1;
                        };
                        body: {
                            resellers: {
                                resellerId: number | string;
                                resellerUid: string;
                                secretKey?: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    post_purewl_v1_resellers: {
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
                 *       "resellerId": 101,
                 *       "resellerUid": "acme"
                 *     }
                 */
                "application/json": components["schemas"]["post_purewl_v1_resellers_body"];
                /**
                 * @example {
                 *       "resellerId": 101,
                 *       "resellerUid": "acme"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["post_purewl_v1_resellers_body"];
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
                        header: {
                            /** @constant */
                            code: 1;
                            /** @constant */
                            message: "success";
                            /** @constant */
                            response_code: 1;
                        };
                        body: {
                            resellerId: number | string;
                            resellerUid: string;
                            secretKey?: string;
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
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    get_purewl_v1_resellers_reseller: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reseller: string;
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
                        header: {
                            /** @constant */
                            code: 1;
                            /** @constant */
                            message: "success";
                            /** @constant */
                            response_code: 1;
                        };
                        body: {
                            resellerId: number | string;
                            resellerUid: string;
                            secretKey?: string;
                        };
                    };
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    delete_purewl_v1_resellers_reseller: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reseller: string;
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
                        header: {
                            /** @constant */
                            code: 1;
                            /** @constant */
                            message: "success";
                            /** @constant */
                            response_code: 1;
                        };
                        body: {
                            resellerId: number | string;
                            resellerUid: string;
                            secretKey?: string;
                            /** @constant */
                            deleted?: true;
                        };
                    };
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    get_purewl_v1_path: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                path: string;
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
                        header: {
                            /** @constant */
                            code: 1;
                            /** @constant */
                            message: "success";
                            /** @constant */
                            response_code: 1;
                        };
                        body: {
                            method: string;
                            path: string;
                            resellerId?: unknown;
                            resellerUid?: string;
                            expiry: number;
                        };
                    };
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    put_purewl_v1_path: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                path: string;
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
                        header: {
                            /** @constant */
                            code: 1;
                            /** @constant */
                            message: "success";
                            /** @constant */
                            response_code: 1;
                        };
                        body: {
                            method: string;
                            path: string;
                            resellerId?: unknown;
                            resellerUid?: string;
                            expiry: number;
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
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    post_purewl_v1_path: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                path: string;
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
                        header: {
                            /** @constant */
                            code: 1;
                            /** @constant */
                            message: "success";
                            /** @constant */
                            response_code: 1;
                        };
                        body: {
                            method: string;
                            path: string;
                            resellerId?: unknown;
                            resellerUid?: string;
                            expiry: number;
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
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    delete_purewl_v1_path: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                path: string;
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
                        header: {
                            /** @constant */
                            code: 1;
                            /** @constant */
                            message: "success";
                            /** @constant */
                            response_code: 1;
                        };
                        body: {
                            method: string;
                            path: string;
                            resellerId?: unknown;
                            resellerUid?: string;
                            expiry: number;
                        };
                    };
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    patch_purewl_v1_path: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                path: string;
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
                        header: {
                            /** @constant */
                            code: 1;
                            /** @constant */
                            message: "success";
                            /** @constant */
                            response_code: 1;
                        };
                        body: {
                            method: string;
                            path: string;
                            resellerId?: unknown;
                            resellerUid?: string;
                            expiry: number;
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
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["purewl_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
}
