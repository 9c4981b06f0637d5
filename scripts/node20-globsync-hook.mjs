// Loader hook for running @modelcontextprotocol/conformance (built for Node 22) on Node 20: it
// imports fs.globSync, which Node 20 lacks, only to collect result folders. The hook drops that one
// import and declares a (hoisted) stand-in function under the same name; nothing else changes.
export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!url.includes('@modelcontextprotocol/conformance/dist/')) return result;
  const source = String(result.source);
  const name = /globSync as (\w+),/.exec(source)?.[1];
  if (name === undefined) return result;
  const patched = source.replace(`globSync as ${name},`, '');
  const shim = `\nfunction ${name}(){throw new Error('fs.globSync needs Node 22');}\n`;
  return { ...result, source: patched + shim };
}
