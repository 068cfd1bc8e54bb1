// Findings for the review rows of issue 9 that needed more than a name to spot (deprecations.md
// §4, R rows D51, D52, D78, D88, D111, D120): kept in their own list so the registry imports them
// in one line.
import type { Rule } from "../src/engine/rule.js";
import djangoAdminPy from "./django/django-admin-py.js";
import jsonfieldEncodedValue from "./django/jsonfield-encoded-value.js";
import logoutGetRequest from "./django/logout-get-request.js";
import mailMimebaseAttachments from "./django/mail-mimebase-attachments.js";
import orderByRawColumn from "./django/order-by-raw-column.js";
import overridesNewParameters61 from "./django/overrides-new-parameters-6-1.js";
import versionTupleComparison from "./django/version-tuple-comparison.js";

export const djangoReviewRules: readonly Rule[] = [versionTupleComparison, overridesNewParameters61, mailMimebaseAttachments, djangoAdminPy, jsonfieldEncodedValue, orderByRawColumn, logoutGetRequest];
