/**
 * A minimal protocol-buffers writer: just the wire format ONNX's ModelProto needs (varints,
 * length-delimited fields, fixed32 floats). No schema compiler, no dependency.
 */

/** Accumulates one message's bytes. */
export class ProtoWriter {
  private readonly chunks: number[] = [];

  /** Field key: field number and wire type (0 varint, 2 length-delimited, 5 fixed32). */
  private key(field: number, wire: 0 | 2 | 5): void {
    this.varint(field * 8 + wire);
  }

  /** An unsigned or non-negative varint (ONNX's int64 fields here are all ≥ 0 or small negatives). */
  private varint(value: number | bigint): void {
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.chunks.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.chunks.push(Number(v));
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
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, value, true);
    this.chunks.push(...b);
    return this;
  }

  /** A bytes field. */
  bytes(field: number, value: Uint8Array): this {
    this.key(field, 2);
    this.varint(value.length);
    for (const x of value) this.chunks.push(x);
    return this;
  }

  /** A string field (UTF-8). */
  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  /** An embedded message field. */
  message(field: number, m: ProtoWriter): this {
    return this.bytes(field, m.finish());
  }

  /** The message's bytes. */
  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}
