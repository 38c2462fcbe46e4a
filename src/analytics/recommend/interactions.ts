/**
 * Implicit feedback as a sparse user × item matrix (compressed sparse rows): who bought what, how
 * many times. Every recommender in this folder reads this shape. Users and items are integer
 * indices 0..n-1 (the caller keeps the mapping to ids); repeated (user, item) pairs are summed.
 *
 * Tests (test/analytics/recommend.test.ts) check the layout and the transpose on a hand-made matrix.
 */

export interface Interactions {
  users: number;
  items: number;
  /** Row pointers: the items of user u are indices[indptr[u] .. indptr[u + 1]). */
  indptr: Int32Array;
  /** Item index of each stored entry, ascending within a user. */
  indices: Int32Array;
  /** Summed weight (purchase count) of each stored entry. */
  values: Float64Array;
}

/**
 * Builds the matrix from parallel arrays of (user, item[, weight]) events.
 * @param users number of users (indices must be below it)
 * @param items number of items
 */
export function buildInteractions(
  userIndex: ArrayLike<number>,
  itemIndex: ArrayLike<number>,
  {users, items, weights}: {users: number; items: number; weights?: ArrayLike<number>}
): Interactions {
  const n = userIndex.length;
  if (itemIndex.length !== n) throw new Error(`buildInteractions: ${n} users but ${itemIndex.length} items given`);
  if (weights && weights.length !== n) throw new Error(`buildInteractions: ${n} events but ${weights.length} weights`);
  const counts = new Int32Array(users + 1);
  for (let e = 0; e < n; e++) {
    const u = userIndex[e];
    const i = itemIndex[e];
    if (!Number.isInteger(u) || u < 0 || u >= users) throw new Error(`buildInteractions: event ${e} has user ${u}, expected an integer in [0, ${users})`);
    if (!Number.isInteger(i) || i < 0 || i >= items) throw new Error(`buildInteractions: event ${e} has item ${i}, expected an integer in [0, ${items})`);
    counts[u + 1]++;
  }
  for (let u = 0; u < users; u++) counts[u + 1] += counts[u];
  const fill = counts.slice(0, users);
  const rawItems = new Int32Array(n);
  const rawValues = new Float64Array(n);
  for (let e = 0; e < n; e++) {
    const slot = fill[userIndex[e]]++;
    rawItems[slot] = itemIndex[e];
    rawValues[slot] = weights ? weights[e] : 1;
  }
  // Sort each row by item and merge duplicates.
  const indptr = new Int32Array(users + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let u = 0; u < users; u++) {
    const start = counts[u];
    const end = counts[u + 1];
    const order = Array.from({length: end - start}, (_, k) => start + k).sort((a, b) => rawItems[a] - rawItems[b]);
    for (const slot of order) {
      const last = indices.length - 1;
      if (indices.length > indptr[u] && indices[last] === rawItems[slot]) values[last] += rawValues[slot];
      else {
        indices.push(rawItems[slot]);
        values.push(rawValues[slot]);
      }
    }
    indptr[u + 1] = indices.length;
  }
  return {users, items, indptr, indices: Int32Array.from(indices), values: Float64Array.from(values)};
}

/** The item × user matrix (rows are items). */
export function transpose(m: Interactions): Interactions {
  const indptr = new Int32Array(m.items + 1);
  for (let k = 0; k < m.indices.length; k++) indptr[m.indices[k] + 1]++;
  for (let i = 0; i < m.items; i++) indptr[i + 1] += indptr[i];
  const fill = indptr.slice(0, m.items);
  const indices = new Int32Array(m.indices.length);
  const values = new Float64Array(m.indices.length);
  for (let u = 0; u < m.users; u++) {
    for (let k = m.indptr[u]; k < m.indptr[u + 1]; k++) {
      const slot = fill[m.indices[k]]++;
      indices[slot] = u;
      values[slot] = m.values[k];
    }
  }
  return {users: m.items, items: m.users, indptr, indices, values};
}

/** The items of one user (a view, not a copy). */
export function itemsOf(m: Interactions, user: number): Int32Array {
  return m.indices.subarray(m.indptr[user], m.indptr[user + 1]);
}

/** Number of users who interacted with each item. */
export function itemUserCounts(m: Interactions): Int32Array {
  const counts = new Int32Array(m.items);
  for (let k = 0; k < m.indices.length; k++) counts[m.indices[k]]++;
  return counts;
}
