/**
 * A string built from UTF-16 code units in one growing buffer: no intermediate strings, so building
 * a result of millions of small pieces costs what copying them does. While every unit is below 256
 * (ASCII and Latin-1: most input) the buffer holds a byte per unit and the result is a one-byte
 * string, as V8 makes from Latin-1; the first wider unit widens the buffer to 16 bits. Half the
 * memory touched, and what comes after (JSON.stringify, the store's copy, the answer's encoding)
 * scans half the bytes: on these VMs first-touched memory costs ~2.5 ms a megabyte, most of what a
 * megabyte of `<` answered as `&lt;` cost (docs/reliability.md).
 */
export class CodeUnits {
  private buffer: Uint8Array | Uint16Array;
  private length = 0;
  private wide = false;

  constructor(capacity: number) {
    this.buffer = new Uint8Array(Math.max(16, capacity));
  }

  private room(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    const size = Math.max(this.buffer.length * 2, this.length + more);
    const bigger = this.wide ? new Uint16Array(size) : new Uint8Array(size);
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
  }

  /** From a byte per unit to 16 bits, at the first unit above 255. */
  private widen(): void {
    const wider = new Uint16Array(this.buffer.length);
    wider.set(this.buffer.subarray(0, this.length));
    this.buffer = wider;
    this.wide = true;
  }

  unit(unit: number): void {
    if (unit > 0xff && !this.wide) this.widen();
    this.room(1);
    this.buffer[this.length++] = unit;
  }

  text(text: string, from = 0, to = text.length): void {
    this.room(to - from);
    for (let i = from; i < to; i++) {
      const unit = text.charCodeAt(i);
      if (unit > 0xff && !this.wide) this.widen();
      this.buffer[this.length++] = unit;
    }
  }

  /** ASCII bytes as they are (the entities esc_html writes, made once): one copy, no check per unit. */
  bytes(bytes: Uint8Array): void {
    const n = this.length;
    if (n + bytes.length > this.buffer.length) this.room(bytes.length);
    // A loop, not TypedArray.set: for the five or six bytes of an entity its call cost more than the copy.
    const b = this.buffer;
    for (let k = 0; k < bytes.length; k++) b[n + k] = bytes[k]!;
    this.length = n + bytes.length;
  }

  toString(): string {
    const b = this.buffer;
    // Latin-1 reads a byte per unit: a one-byte string. Node's UTF-16 decoder copies 16-bit units as they are (a lone surrogate stays one).
    return this.wide
      ? Buffer.from(b.buffer, b.byteOffset, this.length * 2).toString('utf16le')
      : Buffer.from(b.buffer, b.byteOffset, this.length).toString('latin1');
  }
}
