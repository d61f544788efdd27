declare module "virtual:playground/precompiled" {
  const precompiled: import("./build/precompile-plugin.ts").Precompiled;
  export default precompiled;
}
declare module "virtual:playground/type-libs" {
  const libs: import("./build/precompile-plugin.ts").TypeLib[];
  export default libs;
}
