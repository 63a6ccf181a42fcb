/**
 * A minimal protocol-buffers writer: just the wire format ONNX's ModelProto needs (varints,
 * length-delimited fields, fixed32 floats). No schema compiler, no dependency.
 */

const encoder = new TextEncoder();

/** Accumulates one message's bytes. */
export class ProtoWriter {
  private buf = new Uint8Array(64);
  private len = 0;

  /** Room for `n` more bytes. */
  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(2 * this.buf.length, this.len + n));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** Field key: field number and wire type (0 varint, 2 length-delimited, 5 fixed32). */
  private key(field: number, wire: 0 | 2 | 5): void {
    this.varint(field * 8 + wire);
  }

  /** An unsigned or non-negative varint (ONNX's int64 fields here are all ≥ 0 or small negatives). */
  private varint(value: number | bigint): void {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
      // Division, not bit operations: those would truncate to 32 bits.
      this.reserve(8);
      let v = value;
      while (v >= 0x80) {
        this.buf[this.len++] = (v % 0x80) | 0x80;
        v = Math.floor(v / 0x80);
      }
      this.buf[this.len++] = v;
      return;
    }
    this.reserve(10);
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.buf[this.len++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.len++] = Number(v);
  }

  /** An int32/int64/enum field (negative values as 64-bit two's complement, as protobuf does). */
  int(field: number, value: number | bigint): this {
    this.key(field, 0);
    this.varint(value);
    return this;
  }

  /** A float field (fixed32, little-endian). */
  float(field: number, value: number): this {
    this.key(field, 5);
    this.reserve(4);
    new DataView(this.buf.buffer, this.buf.byteOffset + this.len, 4).setFloat32(0, value, true);
    this.len += 4;
    return this;
  }

  /** A bytes field. */
  bytes(field: number, value: Uint8Array): this {
    this.key(field, 2);
    this.varint(value.length);
    this.reserve(value.length);
    this.buf.set(value, this.len);
    this.len += value.length;
    return this;
  }

  /** A string field (UTF-8). */
  string(field: number, value: string): this {
    // Names and op types are ASCII: their code units are their bytes (TextEncoder is slow on short strings).
    if (!/^[\x00-\x7f]*$/.test(value)) return this.bytes(field, encoder.encode(value));
    this.key(field, 2);
    this.varint(value.length);
    this.reserve(value.length);
    for (let i = 0; i < value.length; i++) this.buf[this.len++] = value.charCodeAt(i);
    return this;
  }

  /** An embedded message field. */
  message(field: number, m: ProtoWriter): this {
    this.key(field, 2);
    this.varint(m.len);
    this.reserve(m.len);
    // Most messages are a few bytes: a loop is cheaper than a subarray view to copy from.
    if (m.len < 256) for (let i = 0; i < m.len; i++) this.buf[this.len++] = m.buf[i];
    else {
      this.buf.set(m.buf.subarray(0, m.len), this.len);
      this.len += m.len;
    }
    return this;
  }

  /** The message's bytes. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
