// The Flask and Jinja rules (catalog sections 1 and 3), listed here so the main registry gains them
// with one line. Order matters only within a pass; these rules never touch the same code.
import type { Rule } from "../src/engine/rule.js";
import flaskJsonProvider from "./flask/json-provider.js";
import flaskMarkupsafeImports from "./flask/markupsafe-imports.js";
import flaskAppConfigAttributes from "./flask/app-config-attributes.js";
import flaskBeforeFirstRequest from "./flask/before-first-request.js";
import flaskConfigFromJson from "./flask/config-from-json.js";
import flaskContextStacks from "./flask/context-stacks.js";
import flaskExtImports from "./flask/ext-imports.js";
import flaskRemovedApis from "./flask/removed-apis.js";
import flaskSafeJoin from "./flask/safe-join.js";
import flaskSendFileArguments from "./flask/send-file-arguments.js";
import flaskVersionAttribute from "./flask/version-attribute.js";
import flaskLockedCachedProperty from "./flask/locked-cached-property.js";
import flaskEnvironBuilder from "./flask/environ-builder.js";
import jinjaUnicodeUrlencode from "./jinja/unicode-urlencode.js";
import flaskStaticPath from "./flask/static-path.js";
import jinjaContextResolve from "./jinja/context-resolve.js";
import flaskRequestModule from "./flask/request-module.js";
import flaskJsonEncodingArgument from "./flask/json-encoding-argument.js";
import flaskJsonConfigKeys from "./flask/json-config-keys.js";
import flaskTotalSeconds from "./flask/total-seconds.js";
import jinjaMarkupsafeImports from "./jinja/markupsafe-imports.js";
import jinjaRemovedExtensions from "./jinja/removed-extensions.js";
import jinjaPassContextDecorators from "./jinja/pass-context-decorators.js";
import flaskRequestGlobalsClass from "./flask/request-globals-class.js";
import flaskJsonAvailable from "./flask/json-available.js";
import flaskSignalsAvailable from "./flask/signals-available.js";
import flaskRequestContextG from "./flask/request-context-g.js";
import flaskHtmlsafeDumps from "./flask/htmlsafe-dumps.js";
import flaskBlueprintRegisteredTwice from "./flask/blueprint-registered-twice.js";
import flaskBlueprintSetupAfterRegister from "./flask/blueprint-setup-after-register.js";

export const flaskRules: readonly Rule[] = [
  flaskJsonProvider,
  flaskMarkupsafeImports,
  flaskAppConfigAttributes,
  flaskBeforeFirstRequest,
  flaskConfigFromJson,
  flaskContextStacks,
  flaskExtImports,
  flaskRemovedApis,
  flaskSafeJoin,
  flaskSendFileArguments,
  flaskVersionAttribute,
  flaskLockedCachedProperty,
  flaskEnvironBuilder,
  flaskStaticPath,
  flaskRequestModule,
  flaskJsonEncodingArgument,
  flaskJsonConfigKeys,
  flaskTotalSeconds,
  jinjaMarkupsafeImports,
  jinjaContextResolve,
  jinjaUnicodeUrlencode,
  jinjaPassContextDecorators,
  jinjaRemovedExtensions,
  flaskRequestGlobalsClass,
  flaskJsonAvailable,
  flaskSignalsAvailable,
  flaskRequestContextG,
  flaskHtmlsafeDumps,
  flaskBlueprintRegisteredTwice,
  flaskBlueprintSetupAfterRegister,
];
