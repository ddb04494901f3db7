import { AltegioInputError } from "../errors.js";

/** Measures the full URL (base URL included) a request with these ids would use. */
export type MeasureUrl = (ids: number[]) => Promise<number>;

/**
 * Splits `ids` into consecutive runs whose request URLs stay within `maxLength` characters. Two probes give the
 * exact lengths: the URL with one id, and how much each further `ids[]=` parameter adds; ids are positive integers,
 * so their text is their length once encoded.
 */
export async function chunkByUrlLength(
  ids: readonly number[],
  measure: MeasureUrl,
  maxLength: number,
): Promise<number[][]> {
  const first = ids[0];
  if (first === undefined) return [];
  const digits = (id: number) => String(id).length;
  const one = await measure([first]);
  const base = one - digits(first);
  const perExtra = (await measure([first, first])) - one - digits(first);
  if (one > maxLength) {
    throw new AltegioInputError(
      `A request for even one id needs a ${one}-character URL, above the ${maxLength}-character limit`,
    );
  }
  const chunks: number[][] = [];
  let chunk: number[] = [];
  let length = base;
  for (const id of ids) {
    const add = chunk.length === 0 ? digits(id) : perExtra + digits(id);
    if (chunk.length > 0 && length + add > maxLength) {
      chunks.push(chunk);
      chunk = [];
      length = base;
      length += digits(id);
    } else {
      length += add;
    }
    chunk.push(id);
  }
  chunks.push(chunk);
  return chunks;
}
