// Generated from docs/openapi/availo-v1.json by tests/openapi/generate-types.mjs: do not edit.
export interface paths {
    "/wp-json/availo/v1": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The availo/v1 namespace's index */
        get: operations["get_availo_v1"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/availo/v1/api/Account/Generatetoken": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate an access token */
        post: operations["post_availo_v1_api_Account_Generatetoken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/availo/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List accounts */
        get: operations["get_availo_v1_accounts"];
        put?: never;
        /** Create an account */
        post: operations["post_availo_v1_accounts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/availo/v1/accounts/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_availo_v1_accounts_code"];
        put: operations["put_availo_v1_accounts_code"];
        /** Set or generate the password */
        post: operations["post_availo_v1_accounts_code"];
        delete: operations["delete_availo_v1_accounts_code"];
        options?: never;
        head?: never;
        patch: operations["patch_availo_v1_accounts_code"];
        trace?: never;
    };
    "/wp-json/availo/v1/api/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A protected Availo API call (echoes the token's account) */
        get: operations["get_availo_v1_api_path"];
        /** A protected Availo API call (echoes the token's account) */
        put: operations["put_availo_v1_api_path"];
        /** A protected Availo API call (echoes the token's account) */
        post: operations["post_availo_v1_api_path"];
        /** A protected Availo API call (echoes the token's account) */
        delete: operations["delete_availo_v1_api_path"];
        options?: never;
        head?: never;
        /** A protected Availo API call (echoes the token's account) */
        patch: operations["patch_availo_v1_api_path"];
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
        availo_v1_Error: {
            Data: null;
            /** @constant */
            status: false;
            message: string;
        };
        post_availo_v1_accounts_body: {
            AccountCode: string;
            Password?: string;
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
    get_availo_v1: {
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
    post_availo_v1_api_Account_Generatetoken: {
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
                 *       "AccountCode": "ACC001",
                 *       "Password": "secret"
                 *     }
                 */
                "application/json": {
                    AccountCode: string;
                    Password: string;
                };
            };
        };
        responses: {
            /** @description The token; a refused login also answers 200, with `status: false` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "Data": {
                     *         "accessToken": "eyJhbGciOi..."
                     *       },
                     *       "status": true,
                     *       "message": null
                     *     }
                     */
                    "application/json": {
                        Data: {
                            accessToken: string;
                        };
                        /** @constant */
                        status: true;
                        message: null;
                    } | {
                        Data: null;
                        /** @constant */
                        status: false;
                        message: string;
                    };
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    get_availo_v1_accounts: {
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
                        Data: {
                            accountCode: string;
                            password?: string;
                        }[];
                        /** @constant */
                        status: true;
                        message: null;
                    };
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    post_availo_v1_accounts: {
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
                 *       "AccountCode": "ACC002"
                 *     }
                 */
                "application/json": components["schemas"]["post_availo_v1_accounts_body"];
                /**
                 * @example {
                 *       "AccountCode": "ACC002"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["post_availo_v1_accounts_body"];
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
                        Data: {
                            accountCode: string;
                            password?: string;
                        };
                        /** @constant */
                        status: true;
                        message: null;
                    };
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    get_availo_v1_accounts_code: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
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
                        Data: {
                            accountCode: string;
                            password?: string;
                        };
                        /** @constant */
                        status: true;
                        message: null;
                    };
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    put_availo_v1_accounts_code: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
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
                        Data: {
                            accountCode: string;
                            password?: string;
                        };
                        /** @constant */
                        status: true;
                        message: null;
                    };
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    post_availo_v1_accounts_code: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
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
                        Data: {
                            accountCode: string;
                            password?: string;
                        };
                        /** @constant */
                        status: true;
                        message: null;
                    };
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    delete_availo_v1_accounts_code: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
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
                        Data: {
                            /** @constant */
                            deleted: true;
                            previous?: {
                                accountCode: string;
                                password?: string;
                            };
                        };
                        /** @constant */
                        status: true;
                        message: null;
                    };
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    patch_availo_v1_accounts_code: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
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
                        Data: {
                            accountCode: string;
                            password?: string;
                        };
                        /** @constant */
                        status: true;
                        message: null;
                    };
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    get_availo_v1_api_path: {
        parameters: {
            query?: never;
            header?: {
                authentication_type?: "oauth2";
            };
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
                        Data: {
                            accountCode: string;
                            expiresAt: string;
                        };
                        /** @constant */
                        status: true;
                        message: null;
                    };
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    put_availo_v1_api_path: {
        parameters: {
            query?: never;
            header?: {
                authentication_type?: "oauth2";
            };
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
                        Data: {
                            accountCode: string;
                            expiresAt: string;
                        };
                        /** @constant */
                        status: true;
                        message: null;
                    };
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    post_availo_v1_api_path: {
        parameters: {
            query?: never;
            header?: {
                authentication_type?: "oauth2";
            };
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
                        Data: {
                            accountCode: string;
                            expiresAt: string;
                        };
                        /** @constant */
                        status: true;
                        message: null;
                    };
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    delete_availo_v1_api_path: {
        parameters: {
            query?: never;
            header?: {
                authentication_type?: "oauth2";
            };
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
                        Data: {
                            accountCode: string;
                            expiresAt: string;
                        };
                        /** @constant */
                        status: true;
                        message: null;
                    };
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    patch_availo_v1_api_path: {
        parameters: {
            query?: never;
            header?: {
                authentication_type?: "oauth2";
            };
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
                        Data: {
                            accountCode: string;
                            expiresAt: string;
                        };
                        /** @constant */
                        status: true;
                        message: null;
                    };
                };
            };
            /** @description Bad request: missing or invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["availo_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
}
