/** Words YAML 1.1 readers take for booleans or null: always quoted. */
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

function scalar(text: string): string {
  const plain = /^[A-Za-z_$][\w$ .\/()-]*$/.test(text) && !text.endsWith(' ') && !RESERVED.test(text);
  // A JSON string is a valid YAML double-quoted scalar.
  return plain ? text : JSON.stringify(text);
}

function emit(value: unknown, indent: string, out: string[], prefix: string): void {
  if (Array.isArray(value)) {
    if (value.length === 0) return void out.push(`${prefix}[]`);
    if (prefix) out.push(prefix.trimEnd());
    for (const item of value) emitItem(item, indent, out);
    return;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return void out.push(`${prefix}{}`);
    if (prefix) out.push(prefix.trimEnd());
    for (const [key, v] of entries) emit(v, `${indent}  `, out, `${indent}${scalar(key)}: `);
    return;
  }
  out.push(`${prefix}${typeof value === 'string' ? scalar(value) : JSON.stringify(value)}`);
}

function emitItem(item: unknown, indent: string, out: string[]): void {
  const lines: string[] = [];
  emit(item, `${indent}  `, lines, `${indent}  `);
  // The first line of a nested block moves up beside the dash.
  const first = lines[0] ?? '';
  const isBlock = item !== null && typeof item === 'object' && lines.length > 1 && !/^\s*(\[\]|\{\})$/.test(first);
  if (isBlock && first.trim() === '') lines.shift();
  out.push(`${indent}- ${lines[0].slice(indent.length + 2)}`, ...lines.slice(1));
}

/** A JSON value as block-style YAML (the OpenAPI document's `--format=yaml`). */
export function toYaml(value: unknown): string {
  const out: string[] = [];
  emit(value, '', out, '');
  return `${out.join('\n')}\n`;
}
