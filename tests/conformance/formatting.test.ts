import * as fs from 'node:fs';
import * as path from 'node:path';
import { escHtml, phpStripTags, removeAccents, sanitizeTextField, sanitizeTitle, stripslashes, wpPreKsesLessThan, wpStripAllTags } from '../../core/wordpress/formatting';

/*
 * The formatting functions against WordPress's own: formatting-6.8.json holds 2,500 generated strings
 * and what WordPress 6.8.12 on PHP 8.2 gave for each through each function (recorded by
 * record-formatting.mjs from the wp-oracle; README.md says how). Every output must be the same string.
 */

interface Recording {
  wordpress: string;
  php: string;
  functions: string[];
  cases: string[][];
}

const recording = JSON.parse(fs.readFileSync(path.join(__dirname, 'formatting-6.8.json'), 'utf8')) as Recording;

const OURS: Record<string, (text: string) => string> = {
  sanitize_text_field: sanitizeTextField,
  sanitize_title: (text) => sanitizeTitle(text),
  esc_html: escHtml,
  wp_strip_all_tags: wpStripAllTags,
  remove_accents: removeAccents,
  strip_tags: phpStripTags,
  wp_pre_kses_less_than: wpPreKsesLessThan,
  stripslashes,
};

describe(`formatting functions against WordPress ${recording.wordpress} (PHP ${recording.php})`, () => {
  it('records every function this test compares, and enough cases to mean something', () => {
    expect([...recording.functions].sort()).toEqual(Object.keys(OURS).sort());
    expect(recording.cases.length).toBeGreaterThanOrEqual(2500);
  });

  it.each(recording.functions.map((name, column) => [name, column + 1] as const))('%s gives what WordPress gives for every recorded input', (name, column) => {
    const ours = OURS[name]!;
    const different = recording.cases.filter((c) => ours(c[0]!) !== c[column]).map((c) => ({ input: c[0], wordpress: c[column], ours: ours(c[0]!) }));
    // The first few, readable, when there are any.
    expect(different.slice(0, 5)).toEqual([]);
  });
});
