function newArray<U>(n: number): U[] {
  return new Array<U>(n);
}

/**
 * A new row of `length` cells, all holes. Its storage is allocated at that size: an empty array
 * that a store at column 30 grows reserves room for about 60 cells, twice what a 100,000-row
 * sheet needs per row and per layer.
 */
export function newRow<T>(length: number): T[] {
  return new Array<T>(length);
}

/** Sparse row-major storage of one cell attribute (values, backgrounds, notes, ...). */

export class Layer<T> {
  rows: (T[] | undefined)[] = [];

  constructor(readonly blank: T) {}

  get(r: number, c: number): T {
    const row = this.rows[r];
    if (row === undefined) return this.blank;
    const v = row[c];
    return v === undefined ? this.blank : v;
  }

  set(r: number, c: number, v: T): void {
    let row = this.rows[r];
    if (row === undefined) {
      if (Object.is(v, this.blank)) return;
      row = newRow<T>(c + 1);
      this.rows[r] = row;
    }
    row[c] = v;
  }

  /**
   * Fresh block of nr x nc values (0-based r, c). `fix` may replace object values (it gets the
   * 0-based row and column so it can repair them); `mk` creates arrays (in the script's realm).
   */
  read(
    r: number,
    c: number,
    nr: number,
    nc: number,
    fix?: (v: T, row: number, col: number) => T,
    mk: <U>(n: number) => U[] = newArray,
  ): T[][] {
    const out = mk<T[]>(nr);
    const blank = this.blank;
    for (let i = 0; i < nr; i++) {
      const row = this.rows[r + i];
      const o = mk<T>(nc);
      if (row === undefined) {
        for (let j = 0; j < nc; j++) o[j] = blank;
      } else {
        for (let j = 0; j < nc; j++) {
          const v = row[c + j];
          if (v === undefined) o[j] = blank;
          else if (fix !== undefined && typeof v === 'object' && v !== null)
            o[j] = fix(v, r + i, c + j);
          else o[j] = v;
        }
      }
      out[i] = o;
    }
    return out;
  }

  /**
   * Row `r`, at least `length` cells long: a row a block write widens is copied into one of
   * the exact length (growing it in place would reserve half as much again, per row).
   */
  rowOf(r: number, length: number): T[] {
    const row = this.rows[r];
    if (row !== undefined && row.length >= length) return row;
    const next = newRow<T>(length);
    if (row !== undefined) for (let c = 0; c < row.length; c++) if (c in row) next[c] = row[c]!;
    this.rows[r] = next;
    return next;
  }

  /** Writes a block whose shape was validated; `map` converts each incoming value. */
  write<S>(r: number, c: number, block: readonly (readonly S[])[], map: (v: S) => T): void {
    for (let i = 0; i < block.length; i++) {
      const src = block[i]!;
      const row = this.rowOf(r + i, c + src.length);
      for (let j = 0; j < src.length; j++) row[c + j] = map(src[j] as S);
    }
  }

  fill(r: number, c: number, nr: number, nc: number, v: T): void {
    const blank = Object.is(v, this.blank); // Object.is: a NaN blank (dateMs) is blank too
    for (let i = 0; i < nr; i++) {
      let row = this.rows[r + i];
      if (row === undefined && blank) continue;
      if (row !== undefined && blank && c === 0 && c + nc >= row.length) {
        this.rows[r + i] = undefined;
        continue;
      }
      row = this.rowOf(r + i, c + nc);
      for (let j = 0; j < nc; j++) row[c + j] = v;
    }
  }

  insertRows(at: number, n: number): void {
    if (at >= this.rows.length) return;
    this.rows = this.rows.slice(0, at).concat(new Array<T[] | undefined>(n), this.rows.slice(at));
  }

  deleteRows(at: number, n: number): void {
    if (at >= this.rows.length) return;
    this.rows = this.rows.slice(0, at).concat(this.rows.slice(at + n));
  }

  insertCols(at: number, n: number): void {
    for (const row of this.rows) {
      if (row !== undefined && row.length > at) row.splice(at, 0, ...new Array<T>(n));
    }
  }

  deleteCols(at: number, n: number): void {
    for (const row of this.rows) {
      if (row !== undefined && row.length > at) row.splice(at, n);
    }
  }

  /**
   * Reorders rows start..start+order.length-1: new row i = old row order[i]; only columns
   * c..c+nc-1 move when a column window is given.
   */
  permuteRows(start: number, order: readonly number[], c?: number, nc?: number): void {
    if (c === undefined || nc === undefined) {
      const old = order.map((k) => this.rows[start + k]);
      for (let i = 0; i < order.length; i++) this.rows[start + i] = old[i];
      return;
    }
    const block = this.read(start, c, order.length, nc);
    const moved = order.map((k) => block[k]!);
    this.write(start, c, moved, (v) => v);
  }

  /** Index of the last row holding a non-blank value, or -1. */
  lastRowIndex(isBlank: (v: T) => boolean): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const row = this.rows[r];
      if (row === undefined) continue;
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (v !== undefined && !isBlank(v)) return r;
      }
    }
    return -1;
  }

  /** Index of the last column holding a non-blank value in any row, or -1. */
  lastColIndex(isBlank: (v: T) => boolean): number {
    let best = -1;
    for (const row of this.rows) {
      if (row === undefined) continue;
      for (let j = row.length - 1; j > best; j--) {
        const v = row[j];
        if (v !== undefined && !isBlank(v)) {
          best = j;
          break;
        }
      }
    }
    return best;
  }
}
