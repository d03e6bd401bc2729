import * as fs from 'node:fs';
import * as path from 'node:path';
import { sanitizeUrl } from '../../core/wordpress/url';
import { sanitizeValue, validateValue, type ArgSchema } from '../../core/rest/schema';
import { escHtml, isEmail, phpStripTags, removeAccents, sanitizeTextField, sanitizeTitle, sanitizeUser, stripslashes, wpPreKsesLessThan, wpStripAllTags } from '../../core/wordpress/formatting';
import { KSES_ALLOWED_TAGS, wpKses } from '../../core/wordpress/kses';
import { sanitizeUserDescription, sanitizeUserEmail, sanitizeUserNameField, sanitizeUserUrl } from '../../core/wordpress/user-fields';
import { nicename, restSlug } from '../../wp-json/wp/v2/slug';
import { validUsername } from '../../wp-json/wp/v2/schemas';

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
  user_name_field: sanitizeUserNameField,
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

/** A format's verdict: [true, the sanitised value] or [error code, message]. */
type Verdict = [true, string] | [string, string];

interface FormatsRecording {
  wordpress: string;
  php: string;
  formats: string[];
  cases: Array<[string, string, boolean, ...Verdict[]]>;
}

const formats = JSON.parse(fs.readFileSync(path.join(__dirname, 'rest-formats-6.8.json'), 'utf8')) as FormatsRecording;

describe(`sanitize_url, is_email and the REST schema's string formats against WordPress ${formats.wordpress} (PHP ${formats.php})`, () => {
  it('sanitize_url gives what WordPress gives for every recorded input', () => {
    const different = formats.cases.filter((c) => sanitizeUrl(c[0]) !== c[1]).map((c) => ({ input: c[0], wordpress: c[1], ours: sanitizeUrl(c[0]) }));
    expect(different.slice(0, 5)).toEqual([]);
  });

  it("a user's URL and e-mail address are saved as wp_insert_user saves them (pre_user_url, pre_user_email)", () => {
    const urlColumn = 3 + formats.formats.length;
    const saved = (c: FormatsRecording['cases'][number], column: number) => (c as unknown[])[column] as string | null;
    const urls = formats.cases.filter((c) => sanitizeUserUrl(c[0]) !== saved(c, urlColumn)).map((c) => ({ input: c[0], wordpress: saved(c, urlColumn), ours: sanitizeUserUrl(c[0]) }));
    expect(urls.slice(0, 5)).toEqual([]);
    const addresses = formats.cases.filter((c) => c[2]);
    const emails = formats.cases.filter((c) => sanitizeUserEmail(c[0]) !== saved(c, urlColumn + 1)).map((c) => ({ input: c[0], wordpress: saved(c, urlColumn + 1), ours: sanitizeUserEmail(c[0]) }));
    expect(emails.slice(0, 5)).toEqual([]);
    // The '&' kses encodes is among them.
    expect(formats.cases.some((c) => saved(c, urlColumn)?.includes('&amp;b=2'))).toBe(true);
    expect(addresses.some((c) => saved(c, urlColumn + 1)?.includes('&amp;'))).toBe(true);
  });

  it('is_email says what WordPress says for every recorded input, and some of them are addresses', () => {
    expect(formats.cases.filter((c) => isEmail(c[0]) !== c[2]).map((c) => ({ input: c[0], wordpress: c[2] })).slice(0, 5)).toEqual([]);
    expect(formats.cases.filter((c) => c[2]).length).toBeGreaterThanOrEqual(3);
  });

  it.each(formats.formats.map((format, i) => [format, i + 3] as const))('format %s: the same verdict (code and message) and, when valid, the same sanitised value', (format, column) => {
    const schema: ArgSchema = { type: 'string', format: format as ArgSchema['format'] };
    const recorded = (c: FormatsRecording['cases'][number]) => c[column] as Verdict;
    const ours = (input: string): Verdict => {
      const error = validateValue(input, schema, 'p');
      if (error === null) return [true, sanitizeValue(input, schema) as string];
      const detail = (error.data as { details?: Record<string, { code: string; message: string }> } | undefined)?.details?.p;
      return detail ? [detail.code, detail.message] : [error.code, error.message];
    };
    const different = formats.cases.filter((c) => JSON.stringify(ours(c[0])) !== JSON.stringify(recorded(c))).map((c) => ({ input: c[0], wordpress: recorded(c), ours: ours(c[0]) }));
    expect(different.slice(0, 5)).toEqual([]);
    // Both verdicts occur, so the comparison means something either way (WordPress refuses no 'uri': it only sanitises it).
    expect(formats.cases.filter((c) => recorded(c)[0] === true).length).toBeGreaterThanOrEqual(2);
    if (format !== 'uri') expect(formats.cases.filter((c) => recorded(c)[0] !== true).length).toBeGreaterThan(5);
  });
});

interface NamesRecording {
  wordpress: string;
  php: string;
  cases: Array<[string, boolean, string, string, string]>;
}

const names = JSON.parse(fs.readFileSync(path.join(__dirname, 'user-names-6.8.json'), 'utf8')) as NamesRecording;

describe(`user names and slugs against WordPress ${names.wordpress} (PHP ${names.php})`, () => {
  const columns: Array<[string, number, (input: string) => unknown]> = [
    ['validate_username', 1, (s) => validUsername(s) === true],
    ['sanitize_user', 2, (s) => sanitizeUser(s, false)],
    ['sanitize_user (strict)', 3, (s) => sanitizeUser(s, true)],
    ["the nicename the REST API and wp_insert_user make of a slug (login 'admin')", 4, (s) => nicename(restSlug(s), 'admin')],
  ];
  it.each(columns)('%s gives what WordPress gives for every recorded input', (_name, column, ours) => {
    const different = names.cases.filter((c) => ours(c[0]) !== c[column]).map((c) => ({ input: c[0], wordpress: c[column], ours: ours(c[0]) }));
    expect(different.slice(0, 5)).toEqual([]);
  });

  it('both verdicts of validate_username occur', () => {
    expect(names.cases.filter((c) => c[1]).length).toBeGreaterThan(5);
    expect(names.cases.filter((c) => !c[1]).length).toBeGreaterThan(5);
  });
});

interface KsesRecording {
  wordpress: string;
  php: string;
  columns: string[];
  cases: Array<[string, string, string, string]>;
}

const kses = JSON.parse(fs.readFileSync(path.join(__dirname, 'kses-6.8.json'), 'utf8')) as KsesRecording;

describe(`wp_kses with WordPress's small tag lists against WordPress ${kses.wordpress} (PHP ${kses.php})`, () => {
  const columns: Array<[string, number, (input: string) => string]> = [
    ["wp_kses($s, 'data')", 1, (s) => wpKses(s, KSES_ALLOWED_TAGS)],
    ['the description wp_insert_user saves', 2, sanitizeUserDescription],
    ['a first name as wp_insert_user saves it', 3, sanitizeUserNameField],
  ];
  it.each(columns)('%s gives what WordPress gives for every recorded input', (_name, column, ours) => {
    const different = kses.cases.filter((c) => ours(c[0]) !== c[column]).map((c) => ({ input: c[0], wordpress: c[column], ours: ours(c[0]) }));
    expect(different.slice(0, 5)).toEqual([]);
  });

  it('the recorded inputs keep and drop tags and attributes, and remove protocols', () => {
    const described = kses.cases.map((c) => c[2]);
    expect(described.filter((d) => /<a [^>]*href=/.test(d)).length).toBeGreaterThan(20);
    expect(kses.cases.filter((c) => /<script|onclick/i.test(c[0]) && !/<script|onclick/i.test(c[2])).length).toBeGreaterThan(20);
    expect(kses.cases.filter((c) => /javascript:/i.test(c[0]) && c[2] !== '' && !/javascript:/i.test(c[2])).length).toBeGreaterThan(20);
    expect(described.filter((d) => d.includes('<!--')).length).toBeGreaterThan(20);
  });
});
