// The Django rules no other tool has (deprecations.md §4.5, the ★ rows: settings files, imports
// and names), kept in their own list so the registry imports them in one line.
import type { Rule } from "../src/engine/rule.js";
import assignmentTag from "./django/assignment-tag.js";
import authFunctionViews from "./django/auth-function-views.js";
import availableAttrs from "./django/available-attrs.js";
import badHeaderError from "./django/bad-header-error.js";
import choicesMeta from "./django/choices-meta.js";
import commaSeparatedIntegerField from "./django/comma-separated-integer-field.js";
import cookieDate from "./django/cookie-date.js";
import datetimeSafe from "./django/datetime-safe.js";
import cachedPropertyName from "./django/cached-property-name.js";
import domainWhitelist from "./django/domain-whitelist.js";
import isSafeUrlHost from "./django/is-safe-url-host.js";
import postgresqlPsycopg2Module from "./django/postgresql-psycopg2-module.js";
import python2UnicodeCompatible from "./django/python-2-unicode-compatible.js";
import geoip2Coords from "./django/geoip2-coords.js";
import getStorageClass from "./django/get-storage-class.js";
import invalidQuery from "./django/invalid-query.js";
import isIterable from "./django/is-iterable.js";
import removedModuleStarImports from "./django/removed-module-star-imports.js";
import settingsCsrfCookieMasked from "./django/settings-csrf-cookie-masked.js";
import settingsCsrfTrustedOrigins from "./django/settings-csrf-trusted-origins.js";
import settingsDefaultContentType from "./django/settings-default-content-type.js";
import settingsDefaultHashingAlgorithm from "./django/settings-default-hashing-algorithm.js";
import settingsFileCharset from "./django/settings-file-charset.js";
import settingsFormRendererDiv from "./django/settings-form-renderer-div.js";
import settingsKeepAutoField from "./django/settings-keep-auto-field.js";
import settingsKeepUseTz from "./django/settings-keep-use-tz.js";
import settingsMemcachedCache from "./django/settings-memcached-cache.js";
import settingsTestSerialize from "./django/settings-test-serialize.js";
import settingsUseDeprecatedPytz from "./django/settings-use-deprecated-pytz.js";
import settingsUseEtags from "./django/settings-use-etags.js";
import stringConcat from "./django/string-concat.js";
import utilsSix from "./django/utils-six.js";
import settingsMailers from "./django/settings-mailers.js";
import adminLogDeletion from "./django/admin-log-deletion.js";
import templateSettings from "./django/template-settings.js";
import dbInternals6x from "./django/db-internals-6x.js";
import middlewareMixinGetResponse from "./django/middleware-mixin-get-response.js";
import transitionalSettings6x from "./django/transitional-settings-6x.js";
import blankChoiceDash from "./django/blank-choice-dash.js";
import testUtilsPy2Helpers from "./django/test-utils-py2-helpers.js";
import utilsOsPy2Paths from "./django/utils-os-py2-paths.js";
import formsDefaultTemplates from "./django/forms-default-templates.js";

export const djangoBeyond: readonly Rule[] = [
  // Settings files.
  settingsUseEtags,
  settingsDefaultContentType,
  settingsFileCharset,
  settingsDefaultHashingAlgorithm,
  settingsMemcachedCache,
  settingsUseDeprecatedPytz,
  settingsKeepUseTz,
  settingsTestSerialize,
  settingsCsrfTrustedOrigins,
  settingsCsrfCookieMasked,
  settingsFormRendererDiv,
  settingsKeepAutoField,
  settingsMailers,
  // Imports and names.
  assignmentTag,
  authFunctionViews,
  commaSeparatedIntegerField,
  postgresqlPsycopg2Module,
  isSafeUrlHost,
  stringConcat,
  python2UnicodeCompatible,
  utilsSix,
  cookieDate,
  datetimeSafe,
  choicesMeta,
  availableAttrs,
  getStorageClass,
  invalidQuery,
  domainWhitelist,
  cachedPropertyName,
  isIterable,
  geoip2Coords,
  badHeaderError,
  utilsOsPy2Paths,
  formsDefaultTemplates,
  removedModuleStarImports,
  // Findings for rows a person has to handle.
  testUtilsPy2Helpers,
  adminLogDeletion,
  templateSettings,
  dbInternals6x,
  middlewareMixinGetResponse,
  transitionalSettings6x,
  blankChoiceDash,
];
