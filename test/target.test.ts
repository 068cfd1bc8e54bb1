// Targets: several frameworks at once, what a Flask target implies, explicit targets winning.
import { describe, expect, it } from "vitest";
import { FLASK_IMPLIES, parseTargets, targetReaches, TargetError, VALID_VERSIONS } from "../src/target.js";

describe("targets", () => {
  it("a Flask target implies the Pallets libraries that release requires", () => {
    expect(parseTargets("flask-3.0")).toEqual({ flask: "3.0", werkzeug: "3.0", jinja: "3.1", markupsafe: "2.1", itsdangerous: "2.1" });
    expect(parseTargets("flask-2.0")).toEqual({ flask: "2.0", werkzeug: "2.0", jinja: "3.0", markupsafe: "2.0", itsdangerous: "2.0" });
    expect(parseTargets("flask-1.0")).toEqual({ flask: "1.0", jinja: "2.10" });
  });

  it("an explicit library target wins over the implied one, in either order", () => {
    expect(parseTargets(["flask-3.0", "werkzeug-2.3"]).werkzeug).toBe("2.3");
    expect(parseTargets(["werkzeug-2.3", "flask-3.0"]).werkzeug).toBe("2.3");
    expect(parseTargets(["flask-3.0", "werkzeug-2.3"]).jinja).toBe("3.1");
  });

  it("Flask and Django targets combine", () => {
    const targets = parseTargets(["flask-3.0", "django-4.2"]);
    expect(targets.django).toBe("4.2");
    expect(targets.flask).toBe("3.0");
    expect(targetReaches(targets, "werkzeug", "2.3")).toBe(true);
    expect(targetReaches(targets, "werkzeug", "3.1")).toBe(false);
    expect(targetReaches(targets, "django", "5.0")).toBe(false);
  });

  it("a Django target implies nothing else", () => {
    expect(parseTargets("django-5.0")).toEqual({ django: "5.0" });
  });

  it("rejects unknown versions and two versions of one framework", () => {
    expect(() => parseTargets("flask-0.12")).toThrow(TargetError);
    expect(() => parseTargets("werkzeug-9.0")).toThrow(/unknown target "werkzeug-9\.0"/);
    expect(() => parseTargets(["flask-2.0", "flask-3.0"])).toThrow(/two different targets for flask/);
  });

  it("every implied version is itself a valid target, and every Flask version implies something", () => {
    for (const version of VALID_VERSIONS.flask) {
      const implied = FLASK_IMPLIES[version];
      expect(implied, version).toBeDefined();
      for (const [framework, v] of Object.entries(implied!)) {
        expect(VALID_VERSIONS[framework as keyof typeof VALID_VERSIONS]).toContain(v);
      }
    }
  });
});
