// The Werkzeug, MarkupSafe and itsdangerous rules (the libraries a Flask target implies), kept in
// their own list so the main registry gains one line. The passes of a run repeat until nothing
// changes, so a name moved by top-level-imports is taken further by the rules after it in the
// same run (`from werkzeug import url_quote` → `from urllib.parse import quote`).
import type { Rule } from "../src/engine/rule.js";
import werkzeugTopLevelImports from "./werkzeug/top-level-imports.js";
import werkzeugContribMoves from "./werkzeug/contrib-moves.js";
import werkzeugBaseRequestResponse from "./werkzeug/base-request-response.js";
import werkzeugWrapperMixins from "./werkzeug/wrapper-mixins.js";
import werkzeugRequestIsXhr from "./werkzeug/request-is-xhr.js";
import werkzeugSafeStrCmp from "./werkzeug/safe-str-cmp.js";
import werkzeugRenamedFunctions from "./werkzeug/renamed-functions.js";
import werkzeugRemovedKeywords from "./werkzeug/removed-keywords.js";
import werkzeugUrlsToUrllib from "./werkzeug/urls-to-urllib.js";
import werkzeugVersionAttribute from "./werkzeug/version-attribute.js";
import werkzeugRemovedApis from "./werkzeug/removed-apis.js";
import werkzeugTestClientCookies from "./werkzeug/test-client-cookies.js";
import werkzeugRequestCharset from "./werkzeug/request-charset.js";
import werkzeugHasKey from "./werkzeug/has-key.js";
import werkzeugFormatString from "./werkzeug/format-string.js";
import { werkzeugFixes } from "./werkzeug-fixes.js";
import markupsafeSoftUnicode from "./markupsafe/soft-unicode.js";
import markupsafeVersionAttribute from "./markupsafe/version-attribute.js";
import itsdangerousJsonModule from "./itsdangerous/json-module.js";
import itsdangerousJwsSerializer from "./itsdangerous/jws-serializer.js";
import itsdangerousVersionAttribute from "./itsdangerous/version-attribute.js";

export const palletsRules: readonly Rule[] = [
  werkzeugTopLevelImports,
  werkzeugContribMoves,
  werkzeugBaseRequestResponse,
  werkzeugWrapperMixins,
  werkzeugRequestIsXhr,
  werkzeugSafeStrCmp,
  werkzeugRenamedFunctions,
  werkzeugRemovedKeywords,
  werkzeugUrlsToUrllib,
  werkzeugVersionAttribute,
  werkzeugTestClientCookies,
  werkzeugRequestCharset,
  werkzeugHasKey,
  werkzeugFormatString,
  ...werkzeugFixes,
  werkzeugRemovedApis,
  markupsafeSoftUnicode,
  markupsafeVersionAttribute,
  itsdangerousJsonModule,
  itsdangerousJwsSerializer,
  itsdangerousVersionAttribute,
];
