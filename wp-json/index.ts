import type { NamespaceModule } from '../core/namespace';
import { wpV2 } from './wp/v2';
import { everestBackup } from './everest-backup/v1';
import { availo } from './availo/v1';
import { purewl } from './purewl/v1';
import { pkmnapi } from './pkmnapi/v1';
import { fess } from './fess/v1';
import { emulator } from './emulator/v1';

/**
 * The namespaces of the site, in the order they appear in the discovery index. Adding a vendor = one
 * folder + one line here (`wp-token-emulator scaffold namespace <vendor>/<version>` does both). The
 * test-control extension stays last.
 */
export const allNamespaces: readonly NamespaceModule[] = [wpV2, everestBackup, availo, purewl, pkmnapi, fess, emulator];

/** What the package exports of the test-control extension (createApp's handles speak these types). */
export { FaultError, type Fault, type FaultSpec, type JournalEntry, type JournalFilter } from './emulator/v1';
