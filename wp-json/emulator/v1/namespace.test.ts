import type { RequestContext } from '../../../core/pipeline/context';
import { isControlRequest } from './namespace';

/** Which requests the control API's stages leave alone: its own routes, by route, in any case. */
describe('isControlRequest', () => {
  const of = (route: string | null) => ({ route }) as RequestContext;

  it.each(['/emulator/v1', '/emulator/v1/journal', '/Emulator/V1/faults/x', '/EMULATOR/v1/'])('%s is the control API', (route) => {
    expect(isControlRequest(of(route))).toBe(true);
  });

  it.each([null, '/', '/emulator', '/emulator/v10', '/emulator/v1x', '/everest-backup/v1/access-token', '/xemulator/v1'])('%s is not', (route) => {
    expect(isControlRequest(of(route))).toBe(false);
  });
});
