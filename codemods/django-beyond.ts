// The Django rules no other tool has (deprecations.md §4.5, the ★ rows: settings files, imports
// and names), kept in their own list so the registry imports them in one line.
import type { Rule } from "../src/engine/rule.js";
import settingsCsrfCookieMasked from "./django/settings-csrf-cookie-masked.js";
import settingsDefaultContentType from "./django/settings-default-content-type.js";
import settingsDefaultHashingAlgorithm from "./django/settings-default-hashing-algorithm.js";
import settingsFormRendererDiv from "./django/settings-form-renderer-div.js";
import settingsMemcachedCache from "./django/settings-memcached-cache.js";
import settingsTestSerialize from "./django/settings-test-serialize.js";
import settingsCsrfTrustedOrigins from "./django/settings-csrf-trusted-origins.js";
import settingsFileCharset from "./django/settings-file-charset.js";
import settingsUseDeprecatedPytz from "./django/settings-use-deprecated-pytz.js";

export const djangoBeyond: readonly Rule[] = [
  settingsDefaultContentType,
  settingsFileCharset,
  settingsDefaultHashingAlgorithm,
  settingsUseDeprecatedPytz,
  settingsCsrfCookieMasked,
  settingsFormRendererDiv,
  settingsMemcachedCache,
  settingsTestSerialize,
  settingsCsrfTrustedOrigins,
];
