// Generated from docs/openapi/fess-v1.json by tests/openapi/generate-types.mjs: do not edit.
export interface paths {
    "/wp-json/fess/v1": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The fess/v1 namespace's index */
        get: operations["get_fess_v1"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/fess/v1/api/admin/accesstoken/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List access tokens */
        get: operations["get_fess_v1_api_admin_accesstoken_settings"];
        /** List access tokens (paged, Fess's PUT form) */
        put: operations["put_fess_v1_api_admin_accesstoken_settings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/fess/v1/api/admin/accesstoken/setting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Update an access token */
        put: operations["put_fess_v1_api_admin_accesstoken_setting"];
        /** Create an access token */
        post: operations["post_fess_v1_api_admin_accesstoken_setting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/fess/v1/api/admin/accesstoken/setting/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_fess_v1_api_admin_accesstoken_setting_id"];
        put?: never;
        post?: never;
        delete: operations["delete_fess_v1_api_admin_accesstoken_setting_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/fess/v1/json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search (classic JSON API), with an access token when required */
        get: operations["get_fess_v1_json"];
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
        fess_v1_Error: {
            response: {
                version?: string;
                status: number;
                message: string;
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
    get_fess_v1: {
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
    get_fess_v1_api_admin_accesstoken_settings: {
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
                        response: {
                            version: string;
                            /** @constant */
                            status: 0;
                            settings?: {
                                id: string;
                                name: string;
                                token?: string;
                            }[];
                        };
                    } | {
                        response: {
                            version?: string;
                            status: number;
                            message: string;
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
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    put_fess_v1_api_admin_accesstoken_settings: {
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
                        response: {
                            version: string;
                            /** @constant */
                            status: 0;
                            settings?: {
                                id: string;
                                name: string;
                                token?: string;
                            }[];
                        };
                    } | {
                        response: {
                            version?: string;
                            status: number;
                            message: string;
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
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    put_fess_v1_api_admin_accesstoken_setting: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id: string;
                    versionNo?: number;
                    name: string;
                    token?: string;
                    parameterName?: string;
                    expiredTime?: number | string;
                    permissions?: string[] | string;
                    version_no?: number;
                    parameter_name?: string;
                    expires?: string;
                };
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
                        response: {
                            version: string;
                            /** @constant */
                            status: 0;
                            id: string;
                            token?: string;
                            created: boolean;
                        };
                    } | {
                        response: {
                            version?: string;
                            status: number;
                            message: string;
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
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    post_fess_v1_api_admin_accesstoken_setting: {
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
                 *       "name": "Bot",
                 *       "permissions": [
                 *         "{role}guest"
                 *       ]
                 *     }
                 */
                "application/json": {
                    id?: string;
                    versionNo?: number;
                    name: string;
                    token?: string;
                    parameterName?: string;
                    expiredTime?: number | string;
                    permissions?: string[] | string;
                    version_no?: number;
                    parameter_name?: string;
                    expires?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "response": {
                     *         "version": "15.0",
                     *         "status": 0,
                     *         "id": "AbCd",
                     *         "created": true
                     *       }
                     *     }
                     */
                    "application/json": {
                        response: {
                            version: string;
                            /** @constant */
                            status: 0;
                            id: string;
                            token?: string;
                            created: boolean;
                        };
                    } | {
                        response: {
                            version?: string;
                            status: number;
                            message: string;
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
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not authenticated (or the credentials were refused) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    get_fess_v1_api_admin_accesstoken_setting_id: {
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
                        response: {
                            version: string;
                            /** @constant */
                            status: 0;
                            setting: {
                                id: string;
                                name: string;
                                token?: string;
                            };
                        };
                    } | {
                        response: {
                            version?: string;
                            status: number;
                            message: string;
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
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    delete_fess_v1_api_admin_accesstoken_setting_id: {
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
                        response: {
                            version: string;
                            /** @constant */
                            status: 0;
                        };
                    } | {
                        response: {
                            version?: string;
                            status: number;
                            message: string;
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
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
    get_fess_v1_json: {
        parameters: {
            query?: {
                q?: string;
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
                        response: {
                            version: string;
                            /** @constant */
                            status: 0;
                            q?: string;
                        };
                    } | {
                        response: {
                            version?: string;
                            status: number;
                            message: string;
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
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
            /** @description Any other error, in the namespace's error envelope */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["fess_v1_Error"] | components["schemas"]["WordPressError"];
                };
            };
        };
    };
}
