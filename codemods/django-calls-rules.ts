// The rules of the Django calls-and-signatures work (issue 9), kept in their own list so the registry
// stays one line to merge.
import type { Rule } from "../src/engine/rule.js";
import inlineHasAddPermission from "./django/inline-has-add-permission.js";
import adminLookupAllowedRequest from "./django/admin-lookup-allowed-request.js";
import remoteUserConfigureUser from "./django/remote-user-configure-user.js";
import fromDbValueContext from "./django/from-db-value-context.js";
import logoutViewGetNextPage from "./django/logout-view-get-next-page.js";
import requestIsAjax from "./django/request-is-ajax.js";
import requestXreadlines from "./django/request-xreadlines.js";
import querysetLatestFieldName from "./django/queryset-latest-field-name.js";
import orderingNullsFalse from "./django/ordering-nulls-false.js";
import signerKeywordArguments from "./django/signer-keyword-arguments.js";
import saltedHmacAlgorithm from "./django/salted-hmac-algorithm.js";
import valuesListFlatPk from "./django/values-list-flat-pk.js";
import loginUserNone from "./django/login-user-none.js";
import assertQuerysetEqualRepr from "./django/assert-queryset-equal-repr.js";
import modelSaveKeywordArguments from "./django/model-save-keyword-arguments.js";
import constraintKeywordArguments from "./django/constraint-keyword-arguments.js";
import formsUrlfieldAssumeScheme from "./django/forms-urlfield-assume-scheme.js";
import postgresAggregateDefault from "./django/postgres-aggregate-default.js";
import cachedStaticFilesStorage from "./django/cached-static-files-storage.js";
import utilsBaseconv from "./django/utils-baseconv.js";
import timezoneIsDst from "./django/timezone-is-dst.js";
import gisGeoModelAdmin from "./django/gis-geo-model-admin.js";
import sessionPickleSerializer from "./django/session-pickle-serializer.js";
import removedPasswordHashers from "./django/removed-password-hashers.js";
import makeRandomPassword from "./django/make-random-password.js";
import postgresCiFields from "./django/postgres-ci-fields.js";
import exclusionConstraintOpclasses from "./django/exclusion-constraint-opclasses.js";
import prefetchQuerysetMethods from "./django/prefetch-queryset-methods.js";
import mailLegacyApis from "./django/mail-legacy-apis.js";
import adminEmailHandlerBackend from "./django/admin-email-handler-backend.js";
import fieldCacheName from "./django/field-cache-name.js";
import isnullNonBoolean from "./django/isnull-non-boolean.js";
import selectRelatedAll from "./django/select-related-all.js";
import fieldGetPlaceholder from "./django/field-get-placeholder.js";
import remoteUserAprocessRequest from "./django/remote-user-aprocess-request.js";
import storageOsOpenFlags from "./django/storage-os-open-flags.js";
import ogrCoordDimSetter from "./django/ogr-coord-dim-setter.js";
import registerConverterOverride from "./django/register-converter-override.js";

export const djangoCallRules: readonly Rule[] = [
  inlineHasAddPermission,
  adminLookupAllowedRequest,
  remoteUserConfigureUser,
  fromDbValueContext,
  logoutViewGetNextPage,
  requestIsAjax,
  requestXreadlines,
  querysetLatestFieldName,
  orderingNullsFalse,
  signerKeywordArguments,
  saltedHmacAlgorithm,
  valuesListFlatPk,
  loginUserNone,
  assertQuerysetEqualRepr,
  modelSaveKeywordArguments,
  constraintKeywordArguments,
  formsUrlfieldAssumeScheme,
  postgresAggregateDefault,
  cachedStaticFilesStorage,
  utilsBaseconv,
  timezoneIsDst,
  gisGeoModelAdmin,
  sessionPickleSerializer,
  removedPasswordHashers,
  makeRandomPassword,
  postgresCiFields,
  exclusionConstraintOpclasses,
  prefetchQuerysetMethods,
  mailLegacyApis,
  adminEmailHandlerBackend,
  fieldCacheName,
  isnullNonBoolean,
  selectRelatedAll,
  fieldGetPlaceholder,
  remoteUserAprocessRequest,
  storageOsOpenFlags,
  ogrCoordDimSetter,
  registerConverterOverride,
];
