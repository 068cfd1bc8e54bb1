// Parsing and comparing `--target django-5.0` style targets. Versions compare numerically,
// so 1.10 is newer than 1.9. A Flask target also sets the Pallets libraries that Flask release
// requires (see `FLASK_IMPLIES`), so `--target flask-3.0` upgrades a whole Flask application.
export type Framework = "django" | "flask" | "werkzeug" | "jinja" | "markupsafe" | "itsdangerous";

export const VALID_VERSIONS: Record<Framework, readonly string[]> = {
  django: [
    "1.7", "1.8", "1.9", "1.10", "1.11", "2.0", "2.1", "2.2", "3.0", "3.1", "3.2",
    "4.0", "4.1", "4.2", "5.0", "5.1", "5.2", "6.0", "6.1",
  ],
  flask: ["1.0", "1.1", "2.0", "2.1", "2.2", "2.3", "3.0", "3.1"],
  werkzeug: ["0.15", "0.16", "1.0", "2.0", "2.1", "2.2", "2.3", "3.0", "3.1"],
  jinja: ["2.10", "2.11", "3.0", "3.1"],
  markupsafe: ["1.1", "2.0", "2.1", "3.0"],
  itsdangerous: ["1.1", "2.0", "2.1", "2.2"],
};

/** One target version per framework. */
export type Targets = Partial<Record<Framework, string>>;

/**
 * The lowest Werkzeug, Jinja, MarkupSafe and itsdangerous each Flask release installs with (its
 * own requirements, and MarkupSafe through Jinja 3.0 / Werkzeug 2.2+), rounded down to a target
 * we know; a library missing here has no known floor below our oldest target.
 */
export const FLASK_IMPLIES: Record<string, Targets> = {
  "1.0": { jinja: "2.10" },
  "1.1": { werkzeug: "0.15", jinja: "2.10" },
  "2.0": { werkzeug: "2.0", jinja: "3.0", markupsafe: "2.0", itsdangerous: "2.0" },
  "2.1": { werkzeug: "2.0", jinja: "3.0", markupsafe: "2.0", itsdangerous: "2.0" },
  "2.2": { werkzeug: "2.2", jinja: "3.0", markupsafe: "2.1", itsdangerous: "2.0" },
  "2.3": { werkzeug: "2.3", jinja: "3.1", markupsafe: "2.1", itsdangerous: "2.1" },
  "3.0": { werkzeug: "3.0", jinja: "3.1", markupsafe: "2.1", itsdangerous: "2.1" },
  "3.1": { werkzeug: "3.1", jinja: "3.1", markupsafe: "2.1", itsdangerous: "2.2" },
};

export class TargetError extends Error {}

export function validTargetList(): string[] {
  return Object.entries(VALID_VERSIONS).flatMap(([fw, versions]) => versions.map((v) => `${fw}-${v}`));
}

export function parseTarget(spec: string): [Framework, string] {
  const match = /^([a-z]+)-(\d+\.\d+)$/.exec(spec.trim().toLowerCase());
  const framework = match?.[1] as Framework | undefined;
  if (!match || !framework || !(framework in VALID_VERSIONS) || !VALID_VERSIONS[framework].includes(match[2]!)) {
    throw new TargetError(`unknown target "${spec}"; valid targets are: ${validTargetList().join(", ")}`);
  }
  return [framework, match[2]!];
}

/** The targets named on the command line, without what they imply. */
export function parseExplicitTargets(specs: string | string[]): Targets {
  const targets: Targets = {};
  for (const spec of Array.isArray(specs) ? specs : [specs]) {
    const [framework, version] = parseTarget(spec);
    if (targets[framework] && targets[framework] !== version) {
      throw new TargetError(`two different targets for ${framework}: ${framework}-${targets[framework]} and ${spec}`);
    }
    targets[framework] = version;
  }
  return targets;
}

/** Explicit targets plus the libraries a Flask target implies; an explicit target always wins. */
export function parseTargets(specs: string | string[]): Targets {
  const explicit = parseExplicitTargets(specs);
  const implied = explicit.flask ? FLASK_IMPLIES[explicit.flask] ?? {} : {};
  return { ...implied, ...explicit };
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** True when `targets` asks for `framework` at version `since` or newer. */
export function targetReaches(targets: Targets, framework: Framework, since: string): boolean {
  const version = targets[framework];
  return version !== undefined && compareVersions(version, since) >= 0;
}
