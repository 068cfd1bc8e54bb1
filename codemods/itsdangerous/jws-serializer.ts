// itsdangerous/jws-serializer: itsdangerous 2.0 deprecated the JSON Web Signature serializers
// (often met in Flask password-reset recipes) and 2.1 removed them. The token format changes with
// any replacement, so outstanding tokens stop validating: a person has to choose.
import { removedNames } from "../../src/engine/helpers/removed-names.js";

export default removedNames({
  id: "itsdangerous/jws-serializer",
  framework: "itsdangerous",
  since: "2.0",
  summary: "reports JSONWebSignatureSerializer / TimedJSONWebSignatureSerializer, removed in itsdangerous 2.1",
  description:
    "itsdangerous 2.0 deprecated `JSONWebSignatureSerializer` and `TimedJSONWebSignatureSerializer` and 2.1 removed " +
    "them. Use a JWS/JWT library such as authlib, or `URLSafeTimedSerializer(key)` with `loads(token, max_age=seconds)` " +
    "in place of `expires_in=`; tokens issued before the change stop validating.",
  docs: "https://itsdangerous.palletsprojects.com/en/stable/changes/#version-2-0-0",
  names: ["itsdangerous.JSONWebSignatureSerializer", "itsdangerous.TimedJSONWebSignatureSerializer", "itsdangerous.jws"].map((name) => ({
    name,
    advice:
      "itsdangerous 2.1 removed it; use a JWS/JWT library (authlib), or URLSafeTimedSerializer(key) with " +
      "loads(token, max_age=seconds) instead of expires_in= (issued tokens stop validating)",
  })),
  needles: ["JSONWebSignatureSerializer", "jws"],
  precheck: (text) => text.includes("itsdangerous"),
});
