/**
 * The dashboard screen's markup and script, without a browser: every panel and tab is there, the
 * script is valid JavaScript, and the configuration written into the page cannot end its script.
 */
import { dashboardPage, dashboardScreen } from '../../wp-json/emulator/v1/dashboard/page';

it('has the six panels as WAI-ARIA tabs, the first one shown', () => {
  const { title, body } = dashboardPage({ restRoot: 'http://127.0.0.1:8080/wp-json/', nonce: 'abc' });
  expect(title).toBe('Emulator');
  for (const id of ['tokens', 'mail', 'requests', 'clock', 'faults', 'reset']) {
    expect(body).toContain(`id="emu-tab-${id}" aria-controls="emu-panel-${id}"`);
    expect(body).toMatch(new RegExp(`id="emu-panel-${id}" role="tabpanel" aria-labelledby="emu-tab-${id}"${id === 'tokens' ? '>' : ' hidden>'}`));
  }
});

it('writes its configuration as JSON that cannot close the script element, and the script parses', () => {
  const { script } = dashboardPage({ restRoot: 'http://x/wp-json/', nonce: '</script><script>alert(1)</script>' });
  expect(script).not.toContain('</script>');
  expect(script).toContain('\\u003c/script>');
  expect(() => new Function(script)).not.toThrow();
  // The script builds the page from data with textContent only.
  expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
});

it('is the module\'s admin screen for administrators: admin.php?page=emulator', () => {
  expect(dashboardScreen).toMatchObject({ slug: 'emulator', menuTitle: 'Emulator', capability: 'manage_options' });
  expect(dashboardScreen.render({ restRoot: 'http://x/wp-json/', restNonce: 'n' }).script).toContain('"nonce":"n"');
});
