// Generated from docs/openapi/everest-backup-v1.json by tests/openapi/generate-types.mjs: do not edit.
export interface paths {
    "/wp-json/everest-backup/v1": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The everest-backup/v1 namespace's index */
        get: operations["get_everest_backup_v1"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/everest-backup/v1/access-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate an access token for an action */
        post: operations["post_everest_backup_v1_access_token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/everest-backup/v1/manual-backup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a manual backup with the access token */
        post: operations["post_everest_backup_v1_manual_backup"];
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
        post_everest_backup_v1_access_token_body: {
            action: string;
        };
        post_everest_backup_v1_manual_backup_body: {
            access_token: string;
            custom_name_tag?: string;
            /** @enum {string} */
            ignore_database?: "yes" | "no";
            /** @enum {string} */
            ignore_plugins?: "yes" | "no";
            /** @enum {string} */
            ignore_media?: "yes" | "no";
            /** @enum {string} */
            ignore_themes?: "yes" | "no";
            /** @enum {string} */
            ignore_content?: "yes" | "no";
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
    get_everest_backup_v1: {
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
    post_everest_backup_v1_access_token: {
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
                 *       "action": "Test action"
                 *     }
                 */
                "application/json": components["schemas"]["post_everest_backup_v1_access_token_body"];
                /**
                 * @example {
                 *       "action": "Test action"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["post_everest_backup_v1_access_token_body"];
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
                     *       "action": "ebwp-test-action",
                     *       "access_token": "9477433fed:c47d72a6b209e3709be25dd194bc8811"
                     *     }
                     */
                    "application/json": {
                        action: string;
                        access_token: string;
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
    post_everest_backup_v1_manual_backup: {
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
                 *       "access_token": "9477433fed:c47d72a6b209e3709be25dd194bc8811",
                 *       "ignore_database": "no"
                 *     }
                 */
                "application/json": components["schemas"]["post_everest_backup_v1_manual_backup_body"];
                /**
                 * @example {
                 *       "access_token": "9477433fed:c47d72a6b209e3709be25dd194bc8811",
                 *       "ignore_database": "no"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["post_everest_backup_v1_manual_backup_body"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
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
