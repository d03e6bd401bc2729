import request from 'supertest';
import type { MailMessage } from '../../core/mail';
import type { TokenIntrospection } from '../../core/namespace';
import type { EmulatorApp } from '../../plugin/app';
import { asAdmin } from '../helpers';

/** The test-control operations a flow needs, driven either over HTTP (emulator/v1) or in process (createApp's handles). */
export interface Control {
  advance(seconds: number): Promise<void>;
  introspect(token: string, vendor?: string): Promise<TokenIntrospection>;
  outbox(to: string): Promise<MailMessage[]>;
  reset(): Promise<void>;
}

const E = '/wp-json/emulator/v1';

export function httpControl(emu: EmulatorApp): Control {
  return {
    async advance(seconds) {
      const res = await request(emu.app).post(`${E}/clock`).set('Authorization', asAdmin).send({ advance: seconds });
      expect(res.status).toBe(200);
    },
    async introspect(token, vendor) {
      const res = await request(emu.app).post(`${E}/tokens/introspect`).set('Authorization', asAdmin).send(vendor ? { token, vendor } : { token });
      expect(res.status).toBe(200);
      return res.body as TokenIntrospection;
    },
    async outbox(to) {
      const res = await request(emu.app).get(`${E}/outbox`).query({ to }).set('Authorization', asAdmin);
      expect(res.status).toBe(200);
      return res.body as MailMessage[];
    },
    async reset() {
      const res = await request(emu.app).post(`${E}/reset`).set('Authorization', asAdmin);
      expect(res.status).toBe(200);
    },
  };
}

export function processControl(emu: EmulatorApp): Control {
  return {
    advance: async (seconds) => emu.clock.advance(seconds),
    introspect: async (token, vendor) => emu.introspect(token, vendor),
    outbox: async (to) => emu.outbox.list({ to }),
    reset: () => emu.reset(),
  };
}

/** Both ways of driving the controls, for describe.each. */
export const MODES: [string, (emu: EmulatorApp) => Control][] = [
  ['over HTTP (emulator/v1)', httpControl],
  ['in process (createApp handles)', processControl],
];
