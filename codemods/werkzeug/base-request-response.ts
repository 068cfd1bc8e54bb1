// werkzeug/base-request-response: Werkzeug 2.0 folded every wrapper mixin into Request and
// Response and deprecated BaseRequest / BaseResponse; 2.1 removed them. The mixins are dropped
// from class bases by werkzeug/wrapper-mixins.
import { nameMoves, type NameMove } from "../../src/engine/helpers/name-moves.js";

const moves: NameMove[] = [
  { from: "werkzeug.wrappers.BaseRequest", to: "werkzeug.wrappers.Request" },
  { from: "werkzeug.wrappers.BaseResponse", to: "werkzeug.wrappers.Response" },
  { from: "werkzeug.wrappers.base_request.BaseRequest", to: "werkzeug.wrappers.Request" },
  { from: "werkzeug.wrappers.base_response.BaseResponse", to: "werkzeug.wrappers.Response" },
];

export default nameMoves({
  id: "werkzeug/base-request-response",
  framework: "werkzeug",
  since: "2.0",
  summary: "werkzeug.wrappers BaseRequest / BaseResponse become Request / Response",
  description:
    "Werkzeug 2.0 deprecated `BaseRequest` and `BaseResponse` (Request and Response now hold all the mixin " +
    "features) and 2.1 removed them. Imports, subclasses and `isinstance` checks use `Request` / `Response`.",
  docs: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-0-0",
  moves,
  needles: ["BaseRequest", "BaseResponse"],
  precheck: (text) => text.includes("werkzeug"),
});
