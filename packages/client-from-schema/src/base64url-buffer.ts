/**
 * The two Buffer calls @prisma/param-graph makes, for bundles that run where Node's Buffer does
 * not exist: `Buffer.from(arrayBuffer, offset, length).toString("base64url")` and
 * `Buffer.from(text, "base64url")`. The Vite plugin hands it to that module alone.
 */
class Base64UrlBytes extends Uint8Array {
  override toString(encoding?: string): string {
    if (encoding !== "base64url") throw new Error(`Only base64url is supported here, not ${String(encoding)}`);
    let binary = "";
    for (let index = 0; index < this.length; index += 0x8000) {
      binary += String.fromCharCode(...this.subarray(index, index + 0x8000));
    }
    return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
  }
}

export const Buffer = {
  from(source: ArrayBuffer | string, offsetOrEncoding?: number | string, length?: number): Base64UrlBytes {
    if (typeof source === "string") {
      if (offsetOrEncoding !== "base64url") throw new Error(`Only base64url is supported here, not ${String(offsetOrEncoding)}`);
      const binary = atob(source.replaceAll("-", "+").replaceAll("_", "/"));
      const bytes = new Base64UrlBytes(binary.length);
      for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
      return bytes;
    }
    return new Base64UrlBytes(source, typeof offsetOrEncoding === "number" ? offsetOrEncoding : 0, length);
  },
};
