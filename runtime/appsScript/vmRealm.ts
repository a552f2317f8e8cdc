/** The script's realm in a vm context: copies into it, and instanceof across realms. */
import vm from 'node:vm';
import type { Realm } from './env.ts';

/*
 * Large value blocks (getValues & co.) are handed to scripts as host-realm arrays: creating
 * them in the script's realm costs 2-3x more. So that \`x instanceof Array\` / \`instanceof Object\`
 * stay true for them, Array and Object get a Symbol.hasInstance that accepts any realm.
 */
// Built-ins are bound as parameters: a global lookup inside node:vm costs ~10x a local one.
const REALM_HELPERS = `(function (Array, Object, Map, Symbol, Function, Date) {
  var defaultHasInstance = Function.prototype[Symbol.hasInstance];
  Object.defineProperty(Array, Symbol.hasInstance, {
    value: function (v) { return this === Array ? Array.isArray(v) : defaultHasInstance.call(this, v); },
  });
  Object.defineProperty(Object, Symbol.hasInstance, {
    value: function (v) {
      return this === Object ? v !== null && (typeof v === 'object' || typeof v === 'function') : defaultHasInstance.call(this, v);
    },
  });
  function array(n) {
    return new Array(n);
  }
  function grid(v) {
    if (!Array.isArray(v)) return null;
    var out = new Array(v.length);
    for (var i = 0; i < v.length; i++) {
      var row = v[i];
      if (!Array.isArray(row)) return null;
      for (var j = 0; j < row.length; j++) {
        var c = row[j];
        if (c !== null && typeof c === 'object' && !(c instanceof Date) && Object.prototype.toString.call(c) !== '[object Date]') return null;
      }
      out[i] = Array.prototype.slice.call(row);
    }
    return out;
  }
  function copy(v, seen) {
    if (v === null || typeof v !== 'object') return v;
    if (!seen) { var g = grid(v); if (g) return g; }
    if (!seen) seen = new Map();
    if (seen.has(v)) return seen.get(v);
    if (Array.isArray(v)) {
      var a = [];
      seen.set(v, a);
      for (var i = 0; i < v.length; i++) a.push(copy(v[i], seen));
      return a;
    }
    var p = Object.getPrototypeOf(v);
    var plain = p === null || (Object.getPrototypeOf(p) === null && Object.prototype.toString.call(v) === '[object Object]');
    if (!plain) return v;
    var o = {};
    seen.set(v, o);
    var keys = Object.keys(v);
    for (var k = 0; k < keys.length; k++) o[keys[k]] = copy(v[keys[k]], seen);
    return o;
  }
  return { array: array, copy: function (v) { return copy(v); } };
})(Array, Object, Map, Symbol, Function, Date)`;

function isRealm(v: unknown): v is Realm {
  return (
    v !== null &&
    typeof v === 'object' &&
    typeof (v as { copy?: unknown }).copy === 'function' &&
    typeof (v as { array?: unknown }).array === 'function'
  );
}

/** Installs the realm helpers in a fresh context (before the bundle runs in it). */
export function realmOf(context: vm.Context): Realm {
  const realm: unknown = vm.runInContext(REALM_HELPERS, context);
  if (!isRealm(realm)) throw new Error('internal: realm helpers failed');
  return realm;
}
