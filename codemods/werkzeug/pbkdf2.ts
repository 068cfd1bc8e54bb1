// werkzeug/pbkdf2: Werkzeug 2.0 deprecated werkzeug.security.pbkdf2_bin / pbkdf2_hex and 2.1 removed
// them. Both were thin wrappers: `pbkdf2_bin(data, salt, iterations, keylen=None, hashfunc=None)`
// UTF-8-encoded str data and salt and returned
// `hashlib.pbkdf2_hmac(hash_name, data, salt, iterations, keylen)` (hash "sha256" when hashfunc is
// not given), and pbkdf2_hex returned that as a hex str, which `.hex()` gives. The default
// iteration count changed between releases (150000 in 0.15–1.0, 260000 in 2.0), and stored hashes
// only verify with the count they were made with, so a call that relies on the default is reported
// instead of pinning one; so is a hashfunc other than a literal name or a hashlib constructor.
import type { Edit } from "../../src/engine/edits.js";
import type { CallArgs } from "../../src/engine/helpers/calls.js";
import { nameMoves } from "../../src/engine/helpers/name-moves.js";
import { isPlain, kindOf } from "../../src/engine/helpers/value-kinds.js";
import type { Node } from "../../src/engine/parser.js";
import type { RuleContext } from "../../src/engine/rule.js";

const PARAMETERS = ["data", "salt", "iterations", "keylen", "hashfunc"] as const;
type Parameter = (typeof PARAMETERS)[number];

/** hashlib constructors whose `.name` is their own name. */
const HASHLIB = new Set(["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s"]);

const PRIMARY = new Set(["identifier", "attribute", "subscript", "call", "string", "parenthesized_expression"]);

/** data and salt as pbkdf2_hmac wants them: bytes, with str encoded as UTF-8 like Werkzeug did. */
function asBytes(ctx: RuleContext, node: Node): string | undefined {
  const kind = kindOf(ctx.facts, node);
  if (kind === "bytes") return node.text;
  if (kind === "str") return `${PRIMARY.has(node.type) ? node.text : `(${node.text})`}.encode()`;
  if (isPlain(node)) return `${node.text}.encode() if isinstance(${node.text}, str) else ${node.text}`;
  return undefined;
}

/** The hash name a hashfunc argument stands for: a literal name, or a hashlib constructor. */
function hashName(ctx: RuleContext, node: Node | undefined): string | undefined {
  if (node === undefined || node.text === "None") return '"sha256"';
  if (node.type === "string" && /^(["'])[A-Za-z0-9_-]+\1$/.test(node.text)) return node.text;
  const qualified = node.type === "identifier" || node.type === "attribute" ? ctx.facts.qualifiedName(node) : undefined;
  if (qualified?.startsWith("hashlib.") && HASHLIB.has(qualified.slice("hashlib.".length))) return `"${qualified.slice("hashlib.".length)}"`;
  return undefined;
}

function pbkdf2Arguments(hex: boolean) {
  return (args: CallArgs, ctx: RuleContext): Edit[] | string => {
    if (args.listSplat || args.dictSplat) return "*args/**kwargs hide which arguments are passed";
    if (args.comments.length > 0) return "comments inside the call";
    if (args.positional.length > PARAMETERS.length) return "too many positional arguments";
    const given = new Map<Parameter, Node>();
    args.positional.forEach((node, i) => given.set(PARAMETERS[i]!, node));
    for (const [name, keyword] of args.keywords) {
      if (!(PARAMETERS as readonly string[]).includes(name) || given.has(name as Parameter)) return `unexpected keyword ${name}=`;
      given.set(name as Parameter, keyword.childForFieldName("value")!);
    }
    const data = given.get("data");
    const salt = given.get("salt");
    const iterations = given.get("iterations");
    if (!data || !salt) return "the data or the salt is missing";
    if (!iterations) {
      return "it relies on the default iteration count, which Werkzeug changed between releases (150000 in 0.15–1.0, 260000 in 2.0); " +
        "write hashlib.pbkdf2_hmac with the count your stored hashes were made with";
    }
    const dataBytes = asBytes(ctx, data);
    const saltBytes = asBytes(ctx, salt);
    if (dataBytes === undefined || saltBytes === undefined) {
      return "the data or the salt may be str or bytes and is not a plain name: pbkdf2_hmac needs bytes, so encode str as UTF-8 by hand";
    }
    const hash = hashName(ctx, given.get("hashfunc"));
    if (hash === undefined) return "hashfunc is not a literal hash name or a hashlib constructor";
    const keylen = given.get("keylen");
    const parts = [hash, dataBytes, saltBytes, iterations.text];
    if (keylen && keylen.text !== "None") parts.push(keylen.text);
    return [{ start: args.list.startIndex, end: args.list.endIndex, text: `(${parts.join(", ")})${hex ? ".hex()" : ""}` }];
  };
}

export default nameMoves({
  id: "werkzeug/pbkdf2",
  framework: "werkzeug",
  since: "2.0",
  summary: "werkzeug.security.pbkdf2_bin / pbkdf2_hex become hashlib.pbkdf2_hmac (with .hex()), arguments reordered",
  description:
    "Werkzeug 2.0 deprecated `pbkdf2_bin` and `pbkdf2_hex` and 2.1 removed them. A call becomes " +
    "`hashlib.pbkdf2_hmac(hash_name, data, salt, iterations[, keylen])`, with `.hex()` for `pbkdf2_hex`: the hash name is " +
    "`\"sha256\"` when none was given, or the literal or hashlib constructor passed as `hashfunc`, and str data or salt is " +
    "UTF-8 encoded as Werkzeug did. A call without an iteration count is reported (the default was 150000 before 2.0 and " +
    "260000 in 2.0, and stored hashes only verify with the count they were made with), as is any other hashfunc.",
  docs: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-0-0",
  moves: [
    { from: "werkzeug.security.pbkdf2_hex", to: "hashlib.pbkdf2_hmac", style: "attribute", arguments: pbkdf2Arguments(true) },
    { from: "werkzeug.security.pbkdf2_bin", to: "hashlib.pbkdf2_hmac", style: "attribute", arguments: pbkdf2Arguments(false) },
  ],
  needles: ["pbkdf2_hex", "pbkdf2_bin"],
  precheck: (text) => text.includes("werkzeug"),
});
