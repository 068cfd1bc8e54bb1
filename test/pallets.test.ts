// A Flask target runs the Werkzeug, MarkupSafe and itsdangerous rules of the versions it implies,
// and names moved by one rule are taken further by the next in the same run.
import { describe, expect, it } from "vitest";
import { transform } from "../src/index.js";
import { selectRules } from "../src/rules.js";
import { parseTargets } from "../src/target.js";

describe("Flask targets and the Pallets libraries", () => {
  it("moves a top-level werkzeug import and then to urllib.parse in one run (flask-3.0)", async () => {
    const source = 'from werkzeug import url_quote, secure_filename\n\nx = url_quote(name)\ny = secure_filename(name)\n';
    const out = await transform(source, { target: "flask-3.0" });
    expect(out.code).toBe(
      'from urllib.parse import quote\nfrom werkzeug.utils import secure_filename\n\nx = quote(name, safe="/:$!\'()*+,;")\ny = secure_filename(name)\n',
    );
    const again = await transform(out.code, { target: "flask-3.0" });
    expect(again.changed).toBe(false);
  });

  it("flask-2.2 stops at werkzeug.urls: url_quote still exists in Werkzeug 2.2", async () => {
    const out = await transform("from werkzeug import url_quote\n", { target: "flask-2.2" });
    expect(out.code).toBe("from werkzeug.urls import url_quote\n");
  });

  it("an explicit werkzeug target wins over the one flask implies", async () => {
    const source = "from werkzeug.urls import url_quote\n\nx = url_quote(name)\n";
    expect((await transform(source, { target: ["flask-3.0", "werkzeug-2.2"] })).changed).toBe(false);
    expect((await transform(source, { target: ["flask-2.0", "werkzeug-3.0"] })).changed).toBe(true);
  });

  it("flask and django targets together run both rule sets", () => {
    const ids = selectRules({ targets: parseTargets(["flask-3.0", "django-4.2"]) }).map((r) => r.id);
    expect(ids).toContain("werkzeug/urls-to-urllib");
    expect(ids).toContain("django/utils-encoding");
    expect(ids).not.toContain("markupsafe/version-attribute"); // MarkupSafe 3.0 deprecated it; flask-3.0 implies 2.1
  });

  it("findings change nothing and carry the release-note link", async () => {
    const source = "from itsdangerous import TimedJSONWebSignatureSerializer\n";
    const out = await transform(source, { target: "flask-3.0" });
    expect(out.code).toBe(source);
    expect(out.findings.map((f) => f.rule)).toEqual(["itsdangerous/jws-serializer"]);
    expect(out.findings[0]!.message).toMatch(/https:\/\/itsdangerous\.palletsprojects\.com/);
  });
});
