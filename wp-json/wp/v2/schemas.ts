import { WpError } from '../../../core/rest/errors';
import type { ArgSchema } from '../../../core/rest/schema';
import { phpEmptyString, phpIsNumeric, sanitizeTextField } from '../../../core/wordpress/formatting';

/**
 * The JSON schemas and argument lists of WordPress 6.8's users and application-passwords
 * controllers, as the REST API shows them (OPTIONS, discovery). Keys are in WordPress's order:
 * the index shows each argument's keys in the order they are registered.
 */

const ALL_CONTEXTS = ['embed', 'view', 'edit'];

export const contextArg: ArgSchema = {
  description: 'Scope under which the request is made; determines fields present in response.',
  type: 'string',
  enum: ['view', 'embed', 'edit'],
  default: 'view',
};

const persistedPreferences = {
  type: 'object',
  title: '',
  description: '',
  default: [],
  context: ['edit'],
  properties: {
    _modified: { description: 'The date and time the preferences were updated.', type: 'string', format: 'date-time', readonly: false },
  },
  additionalProperties: true,
};

export function userSchema(): Record<string, unknown> {
  const avatar = (size: number) => ({ description: `Avatar URL with image size of ${size} pixels.`, type: 'string', format: 'uri', context: ALL_CONTEXTS });
  return {
    $schema: 'http://json-schema.org/draft-04/schema#',
    title: 'user',
    type: 'object',
    properties: {
      id: { description: 'Unique identifier for the user.', type: 'integer', context: ALL_CONTEXTS, readonly: true },
      username: { description: 'Login name for the user.', type: 'string', context: ['edit'], required: true },
      name: { description: 'Display name for the user.', type: 'string', context: ALL_CONTEXTS },
      first_name: { description: 'First name for the user.', type: 'string', context: ['edit'] },
      last_name: { description: 'Last name for the user.', type: 'string', context: ['edit'] },
      email: { description: 'The email address for the user.', type: 'string', format: 'email', context: ['edit'], required: true },
      url: { description: 'URL of the user.', type: 'string', format: 'uri', context: ALL_CONTEXTS },
      description: { description: 'Description of the user.', type: 'string', context: ALL_CONTEXTS },
      link: { description: 'Author URL of the user.', type: 'string', format: 'uri', context: ALL_CONTEXTS, readonly: true },
      locale: { description: 'Locale for the user.', type: 'string', enum: ['', 'en_US'], context: ['edit'] },
      nickname: { description: 'The nickname for the user.', type: 'string', context: ['edit'] },
      slug: { description: 'An alphanumeric identifier for the user.', type: 'string', context: ALL_CONTEXTS },
      registered_date: { description: 'Registration date for the user.', type: 'string', format: 'date-time', context: ['edit'], readonly: true },
      roles: { description: 'Roles assigned to the user.', type: 'array', items: { type: 'string' }, context: ['edit'] },
      password: { description: 'Password for the user (never included).', type: 'string', context: [], required: true },
      capabilities: { description: 'All capabilities assigned to the user.', type: 'object', context: ['edit'], readonly: true },
      extra_capabilities: { description: 'Any extra capabilities assigned to the user.', type: 'object', context: ['edit'], readonly: true },
      avatar_urls: {
        description: 'Avatar URLs for the user.',
        type: 'object',
        context: ALL_CONTEXTS,
        readonly: true,
        properties: { 24: avatar(24), 48: avatar(48), 96: avatar(96) },
      },
      meta: { description: 'Meta fields.', type: 'object', context: ['view', 'edit'], properties: { persisted_preferences: persistedPreferences } },
    },
  };
}

/**
 * validate_username(): sanitize_user(…, true) leaves it unchanged (only letters, digits, space and
 * `_.-@`; nothing to trim; no run of spaces, which it makes one) and PHP's empty() is false for it
 * (so not '0').
 */
export function validUsername(value: unknown): true | string {
  const name = String(value);
  const valid = name !== '' && name !== '0' && /^[A-Za-z0-9 _.\-@]+$/.test(name) && name.trim() === name && !name.includes('  ');
  return valid ? true : 'This username is invalid because it uses illegal characters. Please enter a valid username.';
}

/**
 * WP_REST_Users_Controller::check_username, `username`'s sanitize_callback (create and update alike):
 * runs after every arg passed its checks, so a bad e-mail beside it is the only error reported; its
 * own error (rest_user_invalid_username, status 400) shows in rest_invalid_param's details.
 */
function checkUsername(value: unknown): unknown {
  const verdict = validUsername(value);
  return verdict === true ? String(value) : new WpError('rest_user_invalid_username', verdict, { status: 400 });
}

/**
 * The users/me POST/PUT/PATCH args (get_endpoint_args_for_item_schema(EDITABLE)); `name`,
 * `first_name`, `last_name` and `nickname` have sanitize_text_field as their sanitize_callback.
 */
export const userEditArgs: Record<string, ArgSchema> = {
  username: { description: 'Login name for the user.', type: 'string', sanitize: checkUsername },
  name: { description: 'Display name for the user.', type: 'string', sanitize: sanitizeTextField },
  first_name: { description: 'First name for the user.', type: 'string', sanitize: sanitizeTextField },
  last_name: { description: 'Last name for the user.', type: 'string', sanitize: sanitizeTextField },
  email: { description: 'The email address for the user.', type: 'string', format: 'email' },
  url: { description: 'URL of the user.', type: 'string', format: 'uri' },
  description: { description: 'Description of the user.', type: 'string' },
  locale: { description: 'Locale for the user.', type: 'string', enum: ['', 'en_US'] },
  nickname: { description: 'The nickname for the user.', type: 'string', sanitize: sanitizeTextField },
  slug: { description: 'An alphanumeric identifier for the user.', type: 'string' },
  roles: { description: 'Roles assigned to the user.', type: 'array', items: { type: 'string' } },
  password: { description: 'Password for the user (never included).', type: 'string', sanitize: checkUserPassword },
  meta: { description: 'Meta fields.', type: 'object', properties: { persisted_preferences: persistedPreferences as unknown as ArgSchema } },
};

/**
 * WP_REST_Users_Controller::check_user_password, the `password` arg's sanitize_callback: PHP-empty
 * ('' and '0') or holding a backslash is rest_user_invalid_password.
 */
function checkUserPassword(value: unknown): unknown {
  const password = String(value);
  if (phpEmptyString(password)) return new WpError('rest_user_invalid_password', 'Passwords cannot be empty.', { status: 400 });
  if (password.includes('\\')) return new WpError('rest_user_invalid_password', 'Passwords cannot contain the "\\" character.', { status: 400 });
  return password;
}

/**
 * WP_REST_Users_Controller::check_reassign, `reassign`'s sanitize_callback (its type is not checked):
 * a number (is_numeric) as given, PHP-empty, `false` or 'false' as false (no reassignment), anything
 * else rest_invalid_param "Invalid user parameter(s).".
 */
function checkReassign(value: unknown): unknown {
  if (typeof value === 'number' || (typeof value === 'string' && phpIsNumeric(value))) return value;
  if (value === false || value === 'false' || value === null || value === '' || value === '0' || value === 0 || (Array.isArray(value) && value.length === 0)) return false;
  return new WpError('rest_invalid_param', 'Invalid user parameter(s).', { status: 400 });
}

export const userDeleteArgs: Record<string, ArgSchema> = {
  force: { type: 'boolean', default: false, description: 'Required to be true, as users do not support trashing.' },
  reassign: { type: 'integer', description: "Reassign the deleted user's posts and links to this user ID.", required: true, unchecked: true, sanitize: checkReassign },
};

const APP_ID_DESCRIPTION = 'A UUID provided by the application to uniquely identify it. It is recommended to use an UUID v5 with the URL or DNS namespace.';
const NAME_DESCRIPTION = 'The name of the application password.';

export function applicationPasswordSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-04/schema#',
    title: 'application-password',
    type: 'object',
    properties: {
      uuid: { description: 'The unique identifier for the application password.', type: 'string', format: 'uuid', context: ['view', 'edit', 'embed'], readonly: true },
      app_id: { description: APP_ID_DESCRIPTION, type: 'string', format: 'uuid', context: ['view', 'edit', 'embed'] },
      name: { description: NAME_DESCRIPTION, type: 'string', required: true, context: ['view', 'edit', 'embed'], minLength: 1, pattern: '.*\\S.*' },
      password: { description: 'The generated password. Only available after adding an application.', type: 'string', context: ['edit'], readonly: true },
      created: { description: 'The GMT date the application password was created.', type: 'string', format: 'date-time', context: ['view', 'edit'], readonly: true },
      last_used: { description: 'The GMT date the application password was last used.', type: ['string', 'null'], format: 'date-time', context: ['view', 'edit'], readonly: true },
      last_ip: { description: 'The IP address the application password was last used by.', type: ['string', 'null'], format: 'ip', context: ['view', 'edit'], readonly: true },
    },
  };
}

export function applicationPasswordArgs(nameRequired: boolean): Record<string, ArgSchema> {
  return {
    app_id: { description: APP_ID_DESCRIPTION, type: 'string', format: 'uuid' },
    name: { description: NAME_DESCRIPTION, type: 'string', minLength: 1, pattern: '.*\\S.*', required: nameRequired },
  };
}
