// The Werkzeug rows that became fixes after the first Pallets pass (issue 8: invalidate_cached_property,
// escape/unescape, pbkdf2, url_decode, Headers.to_list, ...), kept in their own list so pallets.ts
// gains them with one line.
import type { Rule } from "../src/engine/rule.js";
import werkzeugInvalidateCachedProperty from "./werkzeug/invalidate-cached-property.js";
import werkzeugUtilsEscape from "./werkzeug/utils-escape.js";
import werkzeugPbkdf2 from "./werkzeug/pbkdf2.js";
import werkzeugUrlDecode from "./werkzeug/url-decode.js";
import werkzeugHeadersToList from "./werkzeug/headers-to-list.js";
import werkzeugHeadersAsBytes from "./werkzeug/headers-as-bytes.js";
import werkzeugProxyFixNumProxies from "./werkzeug/proxy-fix-num-proxies.js";
import werkzeugTestClientTuple from "./werkzeug/test-client-tuple.js";
import werkzeugOrderedMultiDict from "./werkzeug/ordered-multi-dict.js";
import werkzeugWwwAuthenticate from "./werkzeug/www-authenticate.js";

export const werkzeugFixes: readonly Rule[] = [
  werkzeugInvalidateCachedProperty,
  werkzeugUtilsEscape,
  werkzeugPbkdf2,
  werkzeugUrlDecode,
  werkzeugHeadersToList,
  werkzeugHeadersAsBytes,
  werkzeugProxyFixNumProxies,
  werkzeugTestClientTuple,
  werkzeugOrderedMultiDict,
  werkzeugWwwAuthenticate,
];
