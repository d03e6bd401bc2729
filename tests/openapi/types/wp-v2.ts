// Generated from docs/openapi/wp-v2.json by tests/openapi/generate-types.mjs: do not edit.
export interface paths {
    "/wp-json/wp/v2": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The wp/v2 namespace's index */
        get: operations["get_wp_v2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/wp/v2/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_wp_v2_users"];
        put?: never;
        post: operations["post_wp_v2_users"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/wp/v2/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_wp_v2_users_id"];
        put: operations["put_wp_v2_users_id"];
        post: operations["post_wp_v2_users_id"];
        delete: operations["delete_wp_v2_users_id"];
        options?: never;
        head?: never;
        patch: operations["patch_wp_v2_users_id"];
        trace?: never;
    };
    "/wp-json/wp/v2/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_wp_v2_users_me"];
        put: operations["put_wp_v2_users_me"];
        post: operations["post_wp_v2_users_me"];
        delete: operations["delete_wp_v2_users_me"];
        options?: never;
        head?: never;
        patch: operations["patch_wp_v2_users_me"];
        trace?: never;
    };
    "/wp-json/wp/v2/users/{user_id}/application-passwords": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_wp_v2_users_user_id_application_passwords"];
        put?: never;
        post: operations["post_wp_v2_users_user_id_application_passwords"];
        delete: operations["delete_wp_v2_users_user_id_application_passwords"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/wp/v2/users/{user_id}/application-passwords/introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_wp_v2_users_user_id_application_passwords_introspect"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/wp/v2/users/{user_id}/application-passwords/{uuid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_wp_v2_users_user_id_application_passwords_uuid"];
        put: operations["put_wp_v2_users_user_id_application_passwords_uuid"];
        post: operations["post_wp_v2_users_user_id_application_passwords_uuid"];
        delete: operations["delete_wp_v2_users_user_id_application_passwords_uuid"];
        options?: never;
        head?: never;
        patch: operations["patch_wp_v2_users_user_id_application_passwords_uuid"];
        trace?: never;
    };
    "/wp-json/wp/v2/plugins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List plugins */
        get: operations["get_wp_v2_plugins"];
        put?: never;
        /** Install a plugin */
        post: operations["post_wp_v2_plugins"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wp-json/wp/v2/plugins/{plugin}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One plugin */
        get: operations["get_wp_v2_plugins_plugin"];
        /** Activate or deactivate a plugin */
        put: operations["put_wp_v2_plugins_plugin"];
        /** Activate or deactivate a plugin */
        post: operations["post_wp_v2_plugins_plugin"];
        /** Delete a plugin */
        delete: operations["delete_wp_v2_plugins_plugin"];
        options?: never;
        head?: never;
        /** Activate or deactivate a plugin */
        patch: operations["patch_wp_v2_plugins_plugin"];
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
        /** user */
        wp_v2_user: {
            /** @description Unique identifier for the user. */
            readonly id?: number;
            /** @description Login name for the user. */
            username?: string;
            /** @description Display name for the user. */
            name?: string;
            /** @description First name for the user. */
            first_name?: string;
            /** @description Last name for the user. */
            last_name?: string;
            /**
             * Format: email
             * @description The email address for the user.
             */
            email?: string;
            /**
             * Format: uri
             * @description URL of the user.
             */
            url?: string;
            /** @description Description of the user. */
            description?: string;
            /**
             * Format: uri
             * @description Author URL of the user.
             */
            readonly link?: string;
            /**
             * @description Locale for the user.
             * @enum {string}
             */
            locale?: "" | "en_US";
            /** @description The nickname for the user. */
            nickname?: string;
            /** @description An alphanumeric identifier for the user. */
            slug?: string;
            /**
             * Format: date-time
             * @description Registration date for the user.
             */
            readonly registered_date?: string;
            /** @description Roles assigned to the user. */
            roles?: string[];
            /** @description Password for the user (never included). */
            password?: string;
            /** @description All capabilities assigned to the user. */
            readonly capabilities?: Record<string, never> | unknown[];
            /** @description Any extra capabilities assigned to the user. */
            readonly extra_capabilities?: Record<string, never> | unknown[];
            /** @description Avatar URLs for the user. */
            readonly avatar_urls?: {
                /**
                 * Format: uri
                 * @description Avatar URL with image size of 24 pixels.
                 */
                24?: string;
                /**
                 * Format: uri
                 * @description Avatar URL with image size of 48 pixels.
                 */
                48?: string;
                /**
                 * Format: uri
                 * @description Avatar URL with image size of 96 pixels.
                 */
                96?: string;
            } | unknown[];
            /** @description Meta fields. */
            meta?: {
                /** @default [] */
                persisted_preferences: ({
                    /**
                     * Format: date-time
                     * @description The date and time the preferences were updated.
                     */
                    _modified?: string;
                } & {
                    [key: string]: unknown;
                }) | unknown[];
            } | unknown[];
        } | unknown[];
        post_wp_v2_users_body: {
            /** @description Login name for the user. */
            username: string;
            /** @description Display name for the user. */
            name?: string;
            /** @description First name for the user. */
            first_name?: string;
            /** @description Last name for the user. */
            last_name?: string;
            /**
             * Format: email
             * @description The email address for the user.
             */
            email: string;
            /**
             * Format: uri
             * @description URL of the user.
             */
            url?: string;
            /** @description Description of the user. */
            description?: string;
            /**
             * @description Locale for the user.
             * @enum {string}
             */
            locale?: "" | "en_US";
            /** @description The nickname for the user. */
            nickname?: string;
            /** @description An alphanumeric identifier for the user. */
            slug?: string;
            /** @description Roles assigned to the user. */
            roles?: string[];
            /** @description Password for the user (never included). */
            password: string;
            /** @description Meta fields. */
            meta?: {
                /** @default [] */
                persisted_preferences: {
                    /**
                     * Format: date-time
                     * @description The date and time the preferences were updated.
                     */
                    _modified?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        post_wp_v2_users_id_body: {
            /** @description Login name for the user. */
            username?: string;
            /** @description Display name for the user. */
            name?: string;
            /** @description First name for the user. */
            first_name?: string;
            /** @description Last name for the user. */
            last_name?: string;
            /**
             * Format: email
             * @description The email address for the user.
             */
            email?: string;
            /**
             * Format: uri
             * @description URL of the user.
             */
            url?: string;
            /** @description Description of the user. */
            description?: string;
            /**
             * @description Locale for the user.
             * @enum {string}
             */
            locale?: "" | "en_US";
            /** @description The nickname for the user. */
            nickname?: string;
            /** @description An alphanumeric identifier for the user. */
            slug?: string;
            /** @description Roles assigned to the user. */
            roles?: string[];
            /** @description Password for the user (never included). */
            password?: string;
            /** @description Meta fields. */
            meta?: {
                /** @default [] */
                persisted_preferences: {
                    /**
                     * Format: date-time
                     * @description The date and time the preferences were updated.
                     */
                    _modified?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        put_wp_v2_users_id_body: {
            /** @description Login name for the user. */
            username?: string;
            /** @description Display name for the user. */
            name?: string;
            /** @description First name for the user. */
            first_name?: string;
            /** @description Last name for the user. */
            last_name?: string;
            /**
             * Format: email
             * @description The email address for the user.
             */
            email?: string;
            /**
             * Format: uri
             * @description URL of the user.
             */
            url?: string;
            /** @description Description of the user. */
            description?: string;
            /**
             * @description Locale for the user.
             * @enum {string}
             */
            locale?: "" | "en_US";
            /** @description The nickname for the user. */
            nickname?: string;
            /** @description An alphanumeric identifier for the user. */
            slug?: string;
            /** @description Roles assigned to the user. */
            roles?: string[];
            /** @description Password for the user (never included). */
            password?: string;
            /** @description Meta fields. */
            meta?: {
                /** @default [] */
                persisted_preferences: {
                    /**
                     * Format: date-time
                     * @description The date and time the preferences were updated.
                     */
                    _modified?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        patch_wp_v2_users_id_body: {
            /** @description Login name for the user. */
            username?: string;
            /** @description Display name for the user. */
            name?: string;
            /** @description First name for the user. */
            first_name?: string;
            /** @description Last name for the user. */
            last_name?: string;
            /**
             * Format: email
             * @description The email address for the user.
             */
            email?: string;
            /**
             * Format: uri
             * @description URL of the user.
             */
            url?: string;
            /** @description Description of the user. */
            description?: string;
            /**
             * @description Locale for the user.
             * @enum {string}
             */
            locale?: "" | "en_US";
            /** @description The nickname for the user. */
            nickname?: string;
            /** @description An alphanumeric identifier for the user. */
            slug?: string;
            /** @description Roles assigned to the user. */
            roles?: string[];
            /** @description Password for the user (never included). */
            password?: string;
            /** @description Meta fields. */
            meta?: {
                /** @default [] */
                persisted_preferences: {
                    /**
                     * Format: date-time
                     * @description The date and time the preferences were updated.
                     */
                    _modified?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        post_wp_v2_users_me_body: {
            /** @description Login name for the user. */
            username?: string;
            /** @description Display name for the user. */
            name?: string;
            /** @description First name for the user. */
            first_name?: string;
            /** @description Last name for the user. */
            last_name?: string;
            /**
             * Format: email
             * @description The email address for the user.
             */
            email?: string;
            /**
             * Format: uri
             * @description URL of the user.
             */
            url?: string;
            /** @description Description of the user. */
            description?: string;
            /**
             * @description Locale for the user.
             * @enum {string}
             */
            locale?: "" | "en_US";
            /** @description The nickname for the user. */
            nickname?: string;
            /** @description An alphanumeric identifier for the user. */
            slug?: string;
            /** @description Roles assigned to the user. */
            roles?: string[];
            /** @description Password for the user (never included). */
            password?: string;
            /** @description Meta fields. */
            meta?: {
                /** @default [] */
                persisted_preferences: {
                    /**
                     * Format: date-time
                     * @description The date and time the preferences were updated.
                     */
                    _modified?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        put_wp_v2_users_me_body: {
            /** @description Login name for the user. */
            username?: string;
            /** @description Display name for the user. */
            name?: string;
            /** @description First name for the user. */
            first_name?: string;
            /** @description Last name for the user. */
            last_name?: string;
            /**
             * Format: email
             * @description The email address for the user.
             */
            email?: string;
            /**
             * Format: uri
             * @description URL of the user.
             */
            url?: string;
            /** @description Description of the user. */
            description?: string;
            /**
             * @description Locale for the user.
             * @enum {string}
             */
            locale?: "" | "en_US";
            /** @description The nickname for the user. */
            nickname?: string;
            /** @description An alphanumeric identifier for the user. */
            slug?: string;
            /** @description Roles assigned to the user. */
            roles?: string[];
            /** @description Password for the user (never included). */
            password?: string;
            /** @description Meta fields. */
            meta?: {
                /** @default [] */
                persisted_preferences: {
                    /**
                     * Format: date-time
                     * @description The date and time the preferences were updated.
                     */
                    _modified?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        patch_wp_v2_users_me_body: {
            /** @description Login name for the user. */
            username?: string;
            /** @description Display name for the user. */
            name?: string;
            /** @description First name for the user. */
            first_name?: string;
            /** @description Last name for the user. */
            last_name?: string;
            /**
             * Format: email
             * @description The email address for the user.
             */
            email?: string;
            /**
             * Format: uri
             * @description URL of the user.
             */
            url?: string;
            /** @description Description of the user. */
            description?: string;
            /**
             * @description Locale for the user.
             * @enum {string}
             */
            locale?: "" | "en_US";
            /** @description The nickname for the user. */
            nickname?: string;
            /** @description An alphanumeric identifier for the user. */
            slug?: string;
            /** @description Roles assigned to the user. */
            roles?: string[];
            /** @description Password for the user (never included). */
            password?: string;
            /** @description Meta fields. */
            meta?: {
                /** @default [] */
                persisted_preferences: {
                    /**
                     * Format: date-time
                     * @description The date and time the preferences were updated.
                     */
                    _modified?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        /** application-password */
        wp_v2_application_password: {
            /**
             * Format: uuid
             * @description The unique identifier for the application password.
             */
            readonly uuid?: string;
            /**
             * Format: uuid
             * @description A UUID provided by the application to uniquely identify it. It is recommended to use an UUID v5 with the URL or DNS namespace.
             */
            app_id?: string;
            /** @description The name of the application password. */
            name?: string;
            /** @description The generated password. Only available after adding an application. */
            readonly password?: string;
            /**
             * Format: date-time
             * @description The GMT date the application password was created.
             */
            readonly created?: string;
            /**
             * Format: date-time
             * @description The GMT date the application password was last used.
             */
            readonly last_used?: string | null;
            /** @description The IP address the application password was last used by. */
            readonly last_ip?: string | null;
        } | unknown[];
        post_wp_v2_users_user_id_application_passwords_body: {
            /**
             * Format: uuid
             * @description A UUID provided by the application to uniquely identify it. It is recommended to use an UUID v5 with the URL or DNS namespace.
             */
            app_id?: string;
            /** @description The name of the application password. */
            name: string;
        };
        post_wp_v2_users_user_id_application_passwords_uuid_body: {
            /**
             * Format: uuid
             * @description A UUID provided by the application to uniquely identify it. It is recommended to use an UUID v5 with the URL or DNS namespace.
             */
            app_id?: string;
            /** @description The name of the application password. */
            name?: string;
        };
        put_wp_v2_users_user_id_application_passwords_uuid_body: {
            /**
             * Format: uuid
             * @description A UUID provided by the application to uniquely identify it. It is recommended to use an UUID v5 with the URL or DNS namespace.
             */
            app_id?: string;
            /** @description The name of the application password. */
            name?: string;
        };
        patch_wp_v2_users_user_id_application_passwords_uuid_body: {
            /**
             * Format: uuid
             * @description A UUID provided by the application to uniquely identify it. It is recommended to use an UUID v5 with the URL or DNS namespace.
             */
            app_id?: string;
            /** @description The name of the application password. */
            name?: string;
        };
        /** plugin */
        wp_v2_plugin: {
            /** @description The plugin file. */
            readonly plugin?: string;
            /**
             * @description The plugin activation status.
             * @enum {string}
             */
            status?: "inactive" | "active";
            /** @description The plugin name. */
            readonly name?: string;
            /**
             * Format: uri
             * @description The plugin's website address.
             */
            readonly plugin_uri?: string;
            /** @description The plugin author. */
            readonly author?: Record<string, never> | unknown[];
            /**
             * Format: uri
             * @description Plugin author's website address.
             */
            readonly author_uri?: string;
            /** @description The plugin description. */
            readonly description?: {
                raw?: string;
                rendered?: string;
            } | unknown[];
            /** @description The plugin version number. */
            readonly version?: string;
            /** @description Whether the plugin can only be activated network-wide. */
            readonly network_only?: boolean;
            /** @description Minimum required version of WordPress. */
            readonly requires_wp?: string;
            /** @description Minimum required version of PHP. */
            readonly requires_php?: string;
            /** @description The plugin's text domain. */
            readonly textdomain?: string;
        } | unknown[];
        post_wp_v2_plugins_body: {
            /** @description WordPress.org plugin directory slug. */
            slug: string;
            /**
             * @description The plugin activation status.
             * @default inactive
             * @enum {string}
             */
            status: "inactive" | "active";
        };
        post_wp_v2_plugins_plugin_body: {
            /**
             * @description Scope under which the request is made; determines fields present in response.
             * @default view
             * @enum {string}
             */
            context: "view" | "embed" | "edit";
            /**
             * @description The plugin activation status.
             * @enum {string}
             */
            status?: "inactive" | "active";
        };
        put_wp_v2_plugins_plugin_body: {
            /**
             * @description Scope under which the request is made; determines fields present in response.
             * @default view
             * @enum {string}
             */
            context: "view" | "embed" | "edit";
            /**
             * @description The plugin activation status.
             * @enum {string}
             */
            status?: "inactive" | "active";
        };
        patch_wp_v2_plugins_plugin_body: {
            /**
             * @description Scope under which the request is made; determines fields present in response.
             * @default view
             * @enum {string}
             */
            context: "view" | "embed" | "edit";
            /**
             * @description The plugin activation status.
             * @enum {string}
             */
            status?: "inactive" | "active";
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
    get_wp_v2: {
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
    get_wp_v2_users: {
        parameters: {
            query?: {
                /** @description Scope under which the request is made; determines fields present in response. */
                context?: "view" | "embed" | "edit";
                /** @description Current page of the collection. */
                page?: number;
                /** @description Maximum number of items to be returned in result set. */
                per_page?: number;
                /** @description Limit results to those matching a string. */
                search?: string;
                /** @description Ensure result set excludes specific IDs. */
                exclude?: number[];
                /** @description Limit result set to specific IDs. */
                include?: number[];
                /** @description Offset the result set by a specific number of items. */
                offset?: number;
                /** @description Order sort attribute ascending or descending. */
                order?: "asc" | "desc";
                /** @description Sort collection by user attribute. */
                orderby?: "id" | "include" | "name" | "registered_date" | "slug" | "include_slugs" | "email" | "url";
                /** @description Limit result set to users with one or more specific slugs. */
                slug?: string[];
                /** @description Limit result set to users matching at least one specific role provided. Accepts csv list or single role. */
                roles?: string[];
                /** @description Limit result set to users matching at least one specific capability provided. Accepts csv list or single capability. */
                capabilities?: string[];
                /** @description Limit result set to users who are considered authors. */
                who?: "authors";
                /** @description Array of column names to be searched. */
                search_columns?: ("email" | "name" | "id" | "username" | "slug")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item, or the list of items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_user"] | components["schemas"]["wp_v2_user"][];
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
    post_wp_v2_users: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["post_wp_v2_users_body"];
                "application/x-www-form-urlencoded": components["schemas"]["post_wp_v2_users_body"];
            };
        };
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_user"];
                };
            };
            /** @description Created: the item */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_user"];
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
    get_wp_v2_users_id: {
        parameters: {
            query?: {
                /** @description Scope under which the request is made; determines fields present in response. */
                context?: "view" | "embed" | "edit";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item, or the list of items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_user"] | components["schemas"]["wp_v2_user"][];
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
    put_wp_v2_users_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["put_wp_v2_users_id_body"];
                "application/x-www-form-urlencoded": components["schemas"]["put_wp_v2_users_id_body"];
            };
        };
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_user"];
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
    post_wp_v2_users_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["post_wp_v2_users_id_body"];
                "application/x-www-form-urlencoded": components["schemas"]["post_wp_v2_users_id_body"];
            };
        };
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_user"];
                };
            };
            /** @description Created: the item */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_user"];
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
    delete_wp_v2_users_id: {
        parameters: {
            query: {
                /** @description Required to be true, as users do not support trashing. */
                force?: boolean;
                /** @description Reassign the deleted user's posts and links to this user ID. */
                reassign: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted: `{deleted, previous}` (or, for a collection, `{deleted, count}`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: boolean;
                        previous?: components["schemas"]["wp_v2_user"];
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
    patch_wp_v2_users_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["patch_wp_v2_users_id_body"];
                "application/x-www-form-urlencoded": components["schemas"]["patch_wp_v2_users_id_body"];
            };
        };
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_user"];
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
    get_wp_v2_users_me: {
        parameters: {
            query?: {
                /** @description Scope under which the request is made; determines fields present in response. */
                context?: "view" | "embed" | "edit";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item, or the list of items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_user"] | components["schemas"]["wp_v2_user"][];
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
    put_wp_v2_users_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["put_wp_v2_users_me_body"];
                "application/x-www-form-urlencoded": components["schemas"]["put_wp_v2_users_me_body"];
            };
        };
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_user"];
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
    post_wp_v2_users_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["post_wp_v2_users_me_body"];
                "application/x-www-form-urlencoded": components["schemas"]["post_wp_v2_users_me_body"];
            };
        };
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_user"];
                };
            };
            /** @description Created: the item */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_user"];
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
    delete_wp_v2_users_me: {
        parameters: {
            query: {
                /** @description Required to be true, as users do not support trashing. */
                force?: boolean;
                /** @description Reassign the deleted user's posts and links to this user ID. */
                reassign: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted: `{deleted, previous}` (or, for a collection, `{deleted, count}`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: boolean;
                        previous?: components["schemas"]["wp_v2_user"];
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
    patch_wp_v2_users_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["patch_wp_v2_users_me_body"];
                "application/x-www-form-urlencoded": components["schemas"]["patch_wp_v2_users_me_body"];
            };
        };
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_user"];
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
    get_wp_v2_users_user_id_application_passwords: {
        parameters: {
            query?: {
                /** @description Scope under which the request is made; determines fields present in response. */
                context?: "view" | "embed" | "edit";
            };
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item, or the list of items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_application_password"] | components["schemas"]["wp_v2_application_password"][];
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
    post_wp_v2_users_user_id_application_passwords: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["post_wp_v2_users_user_id_application_passwords_body"];
                "application/x-www-form-urlencoded": components["schemas"]["post_wp_v2_users_user_id_application_passwords_body"];
            };
        };
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_application_password"];
                };
            };
            /** @description Created: the item */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_application_password"];
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
    delete_wp_v2_users_user_id_application_passwords: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted: `{deleted, previous}` (or, for a collection, `{deleted, count}`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: boolean;
                        previous?: components["schemas"]["wp_v2_application_password"];
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
    get_wp_v2_users_user_id_application_passwords_introspect: {
        parameters: {
            query?: {
                /** @description Scope under which the request is made; determines fields present in response. */
                context?: "view" | "embed" | "edit";
            };
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item, or the list of items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_application_password"] | components["schemas"]["wp_v2_application_password"][];
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
    get_wp_v2_users_user_id_application_passwords_uuid: {
        parameters: {
            query?: {
                /** @description Scope under which the request is made; determines fields present in response. */
                context?: "view" | "embed" | "edit";
            };
            header?: never;
            path: {
                user_id: string;
                uuid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item, or the list of items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_application_password"] | components["schemas"]["wp_v2_application_password"][];
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
    put_wp_v2_users_user_id_application_passwords_uuid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
                uuid: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["put_wp_v2_users_user_id_application_passwords_uuid_body"];
                "application/x-www-form-urlencoded": components["schemas"]["put_wp_v2_users_user_id_application_passwords_uuid_body"];
            };
        };
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_application_password"];
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
    post_wp_v2_users_user_id_application_passwords_uuid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
                uuid: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["post_wp_v2_users_user_id_application_passwords_uuid_body"];
                "application/x-www-form-urlencoded": components["schemas"]["post_wp_v2_users_user_id_application_passwords_uuid_body"];
            };
        };
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_application_password"];
                };
            };
            /** @description Created: the item */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_application_password"];
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
    delete_wp_v2_users_user_id_application_passwords_uuid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
                uuid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted: `{deleted, previous}` (or, for a collection, `{deleted, count}`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: boolean;
                        previous?: components["schemas"]["wp_v2_application_password"];
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
    patch_wp_v2_users_user_id_application_passwords_uuid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
                uuid: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["patch_wp_v2_users_user_id_application_passwords_uuid_body"];
                "application/x-www-form-urlencoded": components["schemas"]["patch_wp_v2_users_user_id_application_passwords_uuid_body"];
            };
        };
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["wp_v2_application_password"];
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
    get_wp_v2_plugins: {
        parameters: {
            query?: {
                /** @description Scope under which the request is made; determines fields present in response. */
                context?: "view" | "embed" | "edit";
                /** @description Limit results to those matching a string. */
                search?: string;
                /** @description Limits results to plugins with the given status. */
                status?: ("inactive" | "active")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item, or the list of items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": ({
                        /** @description The plugin file. */
                        readonly plugin?: string;
                        /**
                         * @description The plugin activation status.
                         * @enum {string}
                         */
                        status?: "inactive" | "active";
                        /** @description The plugin name. */
                        readonly name?: string;
                        /**
                         * Format: uri
                         * @description The plugin's website address.
                         */
                        readonly plugin_uri?: string;
                        /** @description The plugin author. */
                        readonly author?: string;
                        /**
                         * Format: uri
                         * @description Plugin author's website address.
                         */
                        readonly author_uri?: string;
                        /** @description The plugin description. */
                        readonly description?: {
                            raw?: string;
                            rendered?: string;
                        } | unknown[];
                        /** @description The plugin version number. */
                        readonly version?: string;
                        /** @description Whether the plugin can only be activated network-wide. */
                        readonly network_only?: boolean;
                        /** @description Minimum required version of WordPress. */
                        readonly requires_wp?: string;
                        /** @description Minimum required version of PHP. */
                        readonly requires_php?: string;
                        /** @description The plugin's text domain. */
                        readonly textdomain?: string;
                    } | unknown[]) | ({
                        /** @description The plugin file. */
                        readonly plugin?: string;
                        /**
                         * @description The plugin activation status.
                         * @enum {string}
                         */
                        status?: "inactive" | "active";
                        /** @description The plugin name. */
                        readonly name?: string;
                        /**
                         * Format: uri
                         * @description The plugin's website address.
                         */
                        readonly plugin_uri?: string;
                        /** @description The plugin author. */
                        readonly author?: string;
                        /**
                         * Format: uri
                         * @description Plugin author's website address.
                         */
                        readonly author_uri?: string;
                        /** @description The plugin description. */
                        readonly description?: {
                            raw?: string;
                            rendered?: string;
                        } | unknown[];
                        /** @description The plugin version number. */
                        readonly version?: string;
                        /** @description Whether the plugin can only be activated network-wide. */
                        readonly network_only?: boolean;
                        /** @description Minimum required version of WordPress. */
                        readonly requires_wp?: string;
                        /** @description Minimum required version of PHP. */
                        readonly requires_php?: string;
                        /** @description The plugin's text domain. */
                        readonly textdomain?: string;
                    } | unknown[])[];
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
    post_wp_v2_plugins: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["post_wp_v2_plugins_body"];
                "application/x-www-form-urlencoded": components["schemas"]["post_wp_v2_plugins_body"];
            };
        };
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The plugin file. */
                        readonly plugin?: string;
                        /**
                         * @description The plugin activation status.
                         * @enum {string}
                         */
                        status?: "inactive" | "active";
                        /** @description The plugin name. */
                        readonly name?: string;
                        /**
                         * Format: uri
                         * @description The plugin's website address.
                         */
                        readonly plugin_uri?: string;
                        /** @description The plugin author. */
                        readonly author?: string;
                        /**
                         * Format: uri
                         * @description Plugin author's website address.
                         */
                        readonly author_uri?: string;
                        /** @description The plugin description. */
                        readonly description?: {
                            raw?: string;
                            rendered?: string;
                        } | unknown[];
                        /** @description The plugin version number. */
                        readonly version?: string;
                        /** @description Whether the plugin can only be activated network-wide. */
                        readonly network_only?: boolean;
                        /** @description Minimum required version of WordPress. */
                        readonly requires_wp?: string;
                        /** @description Minimum required version of PHP. */
                        readonly requires_php?: string;
                        /** @description The plugin's text domain. */
                        readonly textdomain?: string;
                    } | unknown[];
                };
            };
            /** @description Created: the item */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The plugin file. */
                        readonly plugin?: string;
                        /**
                         * @description The plugin activation status.
                         * @enum {string}
                         */
                        status?: "inactive" | "active";
                        /** @description The plugin name. */
                        readonly name?: string;
                        /**
                         * Format: uri
                         * @description The plugin's website address.
                         */
                        readonly plugin_uri?: string;
                        /** @description The plugin author. */
                        readonly author?: string;
                        /**
                         * Format: uri
                         * @description Plugin author's website address.
                         */
                        readonly author_uri?: string;
                        /** @description The plugin description. */
                        readonly description?: {
                            raw?: string;
                            rendered?: string;
                        } | unknown[];
                        /** @description The plugin version number. */
                        readonly version?: string;
                        /** @description Whether the plugin can only be activated network-wide. */
                        readonly network_only?: boolean;
                        /** @description Minimum required version of WordPress. */
                        readonly requires_wp?: string;
                        /** @description Minimum required version of PHP. */
                        readonly requires_php?: string;
                        /** @description The plugin's text domain. */
                        readonly textdomain?: string;
                    } | unknown[];
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
    get_wp_v2_plugins_plugin: {
        parameters: {
            query?: {
                /** @description Scope under which the request is made; determines fields present in response. */
                context?: "view" | "embed" | "edit";
            };
            header?: never;
            path: {
                plugin: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item, or the list of items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": ({
                        /** @description The plugin file. */
                        readonly plugin?: string;
                        /**
                         * @description The plugin activation status.
                         * @enum {string}
                         */
                        status?: "inactive" | "active";
                        /** @description The plugin name. */
                        readonly name?: string;
                        /**
                         * Format: uri
                         * @description The plugin's website address.
                         */
                        readonly plugin_uri?: string;
                        /** @description The plugin author. */
                        readonly author?: string;
                        /**
                         * Format: uri
                         * @description Plugin author's website address.
                         */
                        readonly author_uri?: string;
                        /** @description The plugin description. */
                        readonly description?: {
                            raw?: string;
                            rendered?: string;
                        } | unknown[];
                        /** @description The plugin version number. */
                        readonly version?: string;
                        /** @description Whether the plugin can only be activated network-wide. */
                        readonly network_only?: boolean;
                        /** @description Minimum required version of WordPress. */
                        readonly requires_wp?: string;
                        /** @description Minimum required version of PHP. */
                        readonly requires_php?: string;
                        /** @description The plugin's text domain. */
                        readonly textdomain?: string;
                    } | unknown[]) | ({
                        /** @description The plugin file. */
                        readonly plugin?: string;
                        /**
                         * @description The plugin activation status.
                         * @enum {string}
                         */
                        status?: "inactive" | "active";
                        /** @description The plugin name. */
                        readonly name?: string;
                        /**
                         * Format: uri
                         * @description The plugin's website address.
                         */
                        readonly plugin_uri?: string;
                        /** @description The plugin author. */
                        readonly author?: string;
                        /**
                         * Format: uri
                         * @description Plugin author's website address.
                         */
                        readonly author_uri?: string;
                        /** @description The plugin description. */
                        readonly description?: {
                            raw?: string;
                            rendered?: string;
                        } | unknown[];
                        /** @description The plugin version number. */
                        readonly version?: string;
                        /** @description Whether the plugin can only be activated network-wide. */
                        readonly network_only?: boolean;
                        /** @description Minimum required version of WordPress. */
                        readonly requires_wp?: string;
                        /** @description Minimum required version of PHP. */
                        readonly requires_php?: string;
                        /** @description The plugin's text domain. */
                        readonly textdomain?: string;
                    } | unknown[])[];
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
    put_wp_v2_plugins_plugin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                plugin: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["put_wp_v2_plugins_plugin_body"];
                "application/x-www-form-urlencoded": components["schemas"]["put_wp_v2_plugins_plugin_body"];
            };
        };
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The plugin file. */
                        readonly plugin?: string;
                        /**
                         * @description The plugin activation status.
                         * @enum {string}
                         */
                        status?: "inactive" | "active";
                        /** @description The plugin name. */
                        readonly name?: string;
                        /**
                         * Format: uri
                         * @description The plugin's website address.
                         */
                        readonly plugin_uri?: string;
                        /** @description The plugin author. */
                        readonly author?: string;
                        /**
                         * Format: uri
                         * @description Plugin author's website address.
                         */
                        readonly author_uri?: string;
                        /** @description The plugin description. */
                        readonly description?: {
                            raw?: string;
                            rendered?: string;
                        } | unknown[];
                        /** @description The plugin version number. */
                        readonly version?: string;
                        /** @description Whether the plugin can only be activated network-wide. */
                        readonly network_only?: boolean;
                        /** @description Minimum required version of WordPress. */
                        readonly requires_wp?: string;
                        /** @description Minimum required version of PHP. */
                        readonly requires_php?: string;
                        /** @description The plugin's text domain. */
                        readonly textdomain?: string;
                    } | unknown[];
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
    post_wp_v2_plugins_plugin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                plugin: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["post_wp_v2_plugins_plugin_body"];
                "application/x-www-form-urlencoded": components["schemas"]["post_wp_v2_plugins_plugin_body"];
            };
        };
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The plugin file. */
                        readonly plugin?: string;
                        /**
                         * @description The plugin activation status.
                         * @enum {string}
                         */
                        status?: "inactive" | "active";
                        /** @description The plugin name. */
                        readonly name?: string;
                        /**
                         * Format: uri
                         * @description The plugin's website address.
                         */
                        readonly plugin_uri?: string;
                        /** @description The plugin author. */
                        readonly author?: string;
                        /**
                         * Format: uri
                         * @description Plugin author's website address.
                         */
                        readonly author_uri?: string;
                        /** @description The plugin description. */
                        readonly description?: {
                            raw?: string;
                            rendered?: string;
                        } | unknown[];
                        /** @description The plugin version number. */
                        readonly version?: string;
                        /** @description Whether the plugin can only be activated network-wide. */
                        readonly network_only?: boolean;
                        /** @description Minimum required version of WordPress. */
                        readonly requires_wp?: string;
                        /** @description Minimum required version of PHP. */
                        readonly requires_php?: string;
                        /** @description The plugin's text domain. */
                        readonly textdomain?: string;
                    } | unknown[];
                };
            };
            /** @description Created: the item */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The plugin file. */
                        readonly plugin?: string;
                        /**
                         * @description The plugin activation status.
                         * @enum {string}
                         */
                        status?: "inactive" | "active";
                        /** @description The plugin name. */
                        readonly name?: string;
                        /**
                         * Format: uri
                         * @description The plugin's website address.
                         */
                        readonly plugin_uri?: string;
                        /** @description The plugin author. */
                        readonly author?: string;
                        /**
                         * Format: uri
                         * @description Plugin author's website address.
                         */
                        readonly author_uri?: string;
                        /** @description The plugin description. */
                        readonly description?: {
                            raw?: string;
                            rendered?: string;
                        } | unknown[];
                        /** @description The plugin version number. */
                        readonly version?: string;
                        /** @description Whether the plugin can only be activated network-wide. */
                        readonly network_only?: boolean;
                        /** @description Minimum required version of WordPress. */
                        readonly requires_wp?: string;
                        /** @description Minimum required version of PHP. */
                        readonly requires_php?: string;
                        /** @description The plugin's text domain. */
                        readonly textdomain?: string;
                    } | unknown[];
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
    delete_wp_v2_plugins_plugin: {
        parameters: {
            query?: {
                /** @description Scope under which the request is made; determines fields present in response. */
                context?: "view" | "embed" | "edit";
            };
            header?: never;
            path: {
                plugin: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted: `{deleted, previous}` (or, for a collection, `{deleted, count}`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: boolean;
                        /** plugin */
                        previous?: {
                            /** @description The plugin file. */
                            readonly plugin?: string;
                            /**
                             * @description The plugin activation status.
                             * @enum {string}
                             */
                            status?: "inactive" | "active";
                            /** @description The plugin name. */
                            readonly name?: string;
                            /**
                             * Format: uri
                             * @description The plugin's website address.
                             */
                            readonly plugin_uri?: string;
                            /** @description The plugin author. */
                            readonly author?: string;
                            /**
                             * Format: uri
                             * @description Plugin author's website address.
                             */
                            readonly author_uri?: string;
                            /** @description The plugin description. */
                            readonly description?: {
                                raw?: string;
                                rendered?: string;
                            } | unknown[];
                            /** @description The plugin version number. */
                            readonly version?: string;
                            /** @description Whether the plugin can only be activated network-wide. */
                            readonly network_only?: boolean;
                            /** @description Minimum required version of WordPress. */
                            readonly requires_wp?: string;
                            /** @description Minimum required version of PHP. */
                            readonly requires_php?: string;
                            /** @description The plugin's text domain. */
                            readonly textdomain?: string;
                        } | unknown[];
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
    patch_wp_v2_plugins_plugin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                plugin: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["patch_wp_v2_plugins_plugin_body"];
                "application/x-www-form-urlencoded": components["schemas"]["patch_wp_v2_plugins_plugin_body"];
            };
        };
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The plugin file. */
                        readonly plugin?: string;
                        /**
                         * @description The plugin activation status.
                         * @enum {string}
                         */
                        status?: "inactive" | "active";
                        /** @description The plugin name. */
                        readonly name?: string;
                        /**
                         * Format: uri
                         * @description The plugin's website address.
                         */
                        readonly plugin_uri?: string;
                        /** @description The plugin author. */
                        readonly author?: string;
                        /**
                         * Format: uri
                         * @description Plugin author's website address.
                         */
                        readonly author_uri?: string;
                        /** @description The plugin description. */
                        readonly description?: {
                            raw?: string;
                            rendered?: string;
                        } | unknown[];
                        /** @description The plugin version number. */
                        readonly version?: string;
                        /** @description Whether the plugin can only be activated network-wide. */
                        readonly network_only?: boolean;
                        /** @description Minimum required version of WordPress. */
                        readonly requires_wp?: string;
                        /** @description Minimum required version of PHP. */
                        readonly requires_php?: string;
                        /** @description The plugin's text domain. */
                        readonly textdomain?: string;
                    } | unknown[];
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
}
