import type { NamespaceModule } from '../core/namespace';
import { wpV2 } from '../wp-json/wp/v2';
import { everestBackup } from '../wp-json/everest-backup/v1';
import { availo } from '../wp-json/availo/v1';
import { purewl } from '../wp-json/purewl/v1';
import { pkmnapi } from '../wp-json/pkmnapi/v1';
import { fess } from '../wp-json/fess/v1';
import { emulator } from '../wp-json/emulator/v1';

/** The active namespaces, in the order they appear in the discovery index. Adding a vendor = one folder + one line here. */
export const allNamespaces: readonly NamespaceModule[] = [wpV2, everestBackup, availo, purewl, pkmnapi, fess, emulator];
