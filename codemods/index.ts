// The registry: every rule, in the order rules run within a pass. A test checks that every rule
// file under codemods/ is listed here.
import type { Rule } from "../src/engine/rule.js";
import adminLookupNeedsDistinct from "./django/admin-lookup-needs-distinct.js";
import checkConstraintCondition from "./django/check-constraint-condition.js";
import compatibilityImports from "./django/compatibility-imports.js";
import defaultAppConfig from "./django/default-app-config.js";
import defaultAutoField from "./django/default-auto-field.js";
import djangoUrls from "./django/django-urls.js";
import emailValidator from "./django/email-validator.js";
import onDelete from "./django/on-delete.js";
import postgresAggregateOrderBy from "./django/postgres-aggregate-order-by.js";
import postgresFloatRangeField from "./django/postgres-float-range-field.js";
import querysetPaginator from "./django/queryset-paginator.js";
import settingsFormsUrlfieldAssumeHttps from "./django/settings-forms-urlfield-assume-https.js";
import staticfilesFindAll from "./django/staticfiles-find-all.js";
import transactionSavepoint from "./django/transaction-savepoint.js";
import useL10n from "./django/use-l10n.js";
import utilsEncoding from "./django/utils-encoding.js";
import utilsHttp from "./django/utils-http.js";
import utilsText from "./django/utils-text.js";
import utilsTranslation from "./django/utils-translation.js";
import requestUserAttributes from "./django/request-user-attributes.js";
import passwordResetTimeoutDays from "./django/password-reset-timeout-days.js";
import testcaseDatabases from "./django/testcase-databases.js";
import managementCommands from "./django/management-commands.js";
import nullBooleanField from "./django/null-boolean-field.js";
import signalProvidingArgs from "./django/signal-providing-args.js";
import cryptoGetRandomString from "./django/crypto-get-random-string.js";
import utilsTimezone from "./django/utils-timezone.js";
import requestHeaders from "./django/request-headers.js";
import renderToResponse from "./django/render-to-response.js";
import assertSetMethods from "./django/assert-set-methods.js";
import versionedBranches from "./django/versioned-branches.js";
import adminAllowTags from "./django/admin-allow-tags.js";
import settingsStorages from "./django/settings-storages.js";
import versionedTestSkipDecorators from "./django/versioned-test-skip-decorators.js";

export const rules: readonly Rule[] = [compatibilityImports, djangoUrls, onDelete, utilsEncoding, utilsHttp, utilsText, utilsTranslation, useL10n, adminLookupNeedsDistinct, checkConstraintCondition, defaultAppConfig, defaultAutoField, emailValidator, postgresAggregateOrderBy, postgresFloatRangeField, querysetPaginator, settingsFormsUrlfieldAssumeHttps, staticfilesFindAll, transactionSavepoint, requestUserAttributes, passwordResetTimeoutDays, testcaseDatabases, managementCommands, nullBooleanField, signalProvidingArgs, cryptoGetRandomString, utilsTimezone, requestHeaders, renderToResponse, assertSetMethods, versionedBranches, adminAllowTags, settingsStorages, versionedTestSkipDecorators];
