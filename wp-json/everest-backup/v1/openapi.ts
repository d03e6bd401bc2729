import { MODULES } from './backup';
import type { NamespaceOpenApi } from '../../../core/openapi/types';

/** Everest Backup's facts: its token travels as the `access_token` parameter, behind WordPress's Basic auth; its errors are WordPress's. */
export const everestOpenApi: NamespaceOpenApi = {
  title: 'Everest Backup',
  description: 'Everest Backup access tokens: POST /access-token (an action string) gives a nonce-based token for /manual-backup, both behind an application password with manage_options.',
  operations: {
    'POST /access-token': {
      summary: 'Generate an access token for an action',
      requestSchema: { type: 'object', required: ['action'], properties: { action: { type: 'string' } } },
      requestExample: { action: 'Test action' },
      responses: {
        200: {
          schema: { type: 'object', required: ['action', 'access_token'], properties: { action: { type: 'string' }, access_token: { type: 'string', pattern: '^[0-9a-f]+:[0-9a-f]+$' } } },
          example: { action: 'ebwp-test-action', access_token: '9477433fed:c47d72a6b209e3709be25dd194bc8811' },
        },
      },
    },
    'POST /manual-backup': {
      summary: 'Start a manual backup with the access token',
      requestSchema: {
        type: 'object',
        required: ['access_token'],
        // `ignore_<module>: yes` leaves a module out; not sent = left out too (Manual_Backup_Controller::validate_fields()).
        properties: { access_token: { type: 'string' }, custom_name_tag: { type: 'string' }, ...Object.fromEntries(MODULES.map((m) => [`ignore_${m}`, { type: 'string', enum: ['yes', 'no'] }])) },
      },
      requestExample: { access_token: '9477433fed:c47d72a6b209e3709be25dd194bc8811', ignore_database: 'no' },
      responses: { 200: { schema: { type: 'object' } } },
    },
    // The live profile's schedule-backup (the plugin's own route), guarded by its ajax nonce.
    'GET /schedule-backup': { responses: { 200: { schema: { type: 'object', required: ['t'], properties: { t: { type: 'string' } } } } } },
    'POST /schedule-backup': { responses: { 200: { description: 'Scheduled (no body)', schema: null } } },
  },
};
