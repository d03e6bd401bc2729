/** WordPress's default roles and their capabilities (wp-admin/includes/schema.php, populate_roles). */
const subscriber = ['read', 'level_0'];
const contributor = ['edit_posts', 'read', 'level_1', 'level_0', 'delete_posts'];
const author = ['upload_files', 'edit_posts', 'edit_published_posts', 'publish_posts', 'read', 'level_2', 'level_1', 'level_0', 'delete_posts', 'delete_published_posts'];
const editor = [
  'moderate_comments', 'manage_categories', 'manage_links', 'upload_files', 'unfiltered_html', 'edit_posts', 'edit_others_posts',
  'edit_published_posts', 'publish_posts', 'edit_pages', 'read', 'level_7', 'level_6', 'level_5', 'level_4', 'level_3', 'level_2',
  'level_1', 'level_0', 'edit_others_pages', 'edit_published_pages', 'publish_pages', 'delete_pages', 'delete_others_pages',
  'delete_published_pages', 'delete_posts', 'delete_others_posts', 'delete_published_posts', 'delete_private_posts',
  'edit_private_posts', 'read_private_posts', 'delete_private_pages', 'edit_private_pages', 'read_private_pages',
];
const administrator = [
  'switch_themes', 'edit_themes', 'activate_plugins', 'edit_plugins', 'edit_users', 'edit_files', 'manage_options',
  'moderate_comments', 'manage_categories', 'manage_links', 'upload_files', 'import', 'unfiltered_html', 'edit_posts',
  'edit_others_posts', 'edit_published_posts', 'publish_posts', 'edit_pages', 'read', 'level_10', 'level_9', 'level_8',
  'level_7', 'level_6', 'level_5', 'level_4', 'level_3', 'level_2', 'level_1', 'level_0', 'edit_others_pages',
  'edit_published_pages', 'publish_pages', 'delete_pages', 'delete_others_pages', 'delete_published_pages', 'delete_posts',
  'delete_others_posts', 'delete_published_posts', 'delete_private_posts', 'edit_private_posts', 'read_private_posts',
  'delete_private_pages', 'edit_private_pages', 'read_private_pages', 'delete_users', 'create_users', 'unfiltered_upload',
  'edit_dashboard', 'update_plugins', 'delete_plugins', 'install_plugins', 'update_themes', 'install_themes', 'update_core',
  'list_users', 'remove_users', 'promote_users', 'edit_theme_options', 'delete_themes', 'export',
];

export const ROLES: Readonly<Record<string, { name: string; capabilities: readonly string[] }>> = {
  administrator: { name: 'Administrator', capabilities: administrator },
  editor: { name: 'Editor', capabilities: editor },
  author: { name: 'Author', capabilities: author },
  contributor: { name: 'Contributor', capabilities: contributor },
  subscriber: { name: 'Subscriber', capabilities: subscriber },
};

export function isRole(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(ROLES, name);
}

/**
 * WP_User::get_role_caps's `allcaps`: every role's capabilities merged in the roles' order (a key
 * keeps its first place), then the user's own capabilities, which are the role names.
 */
function buildCapabilities(roles: readonly string[]): Record<string, boolean> {
  const caps: Record<string, boolean> = {};
  for (const role of roles) for (const cap of ROLES[role]?.capabilities ?? []) caps[cap] = true;
  for (const role of roles) caps[role] = true;
  return caps;
}

/** Built once per set of roles: a permission check runs on every request, and roles never change at run time. */
const capabilityCache = new Map<string, Readonly<Record<string, boolean>>>();

/** The user's capabilities as WordPress lists them (`allcaps`): each role's capabilities and the role names. A fresh object the caller may change. */
export function capabilitiesOf(roles: readonly string[]): Record<string, boolean> {
  return { ...cachedCapabilities(roles) };
}

/** The same, shared and frozen: for reading only (permission checks). */
export function cachedCapabilities(roles: readonly string[]): Readonly<Record<string, boolean>> {
  // One role (nearly every user): the role's own string is the key (no joined string made and hashed per request).
  const key = roles.length === 1 ? roles[0]! : roles.join('\u0000');
  let caps = capabilityCache.get(key);
  if (!caps) {
    caps = Object.freeze(buildCapabilities(roles));
    if (capabilityCache.size < 1000) capabilityCache.set(key, caps);
  }
  return caps;
}
