// django/removed-password-hashers: Django 4.1 deprecated CryptPasswordHasher and Django 4.2 the
// SHA1, unsalted SHA1 and unsalted MD5 hashers (removed in 5.0 / 5.1). Users whose stored hashes
// use them cannot log in afterwards, so entries are pointed at, never deleted.
import { findingRule } from "../../src/engine/helpers/findings.js";

const HASHERS = "django.contrib.auth.hashers";
const MESSAGE = (name: string, removed: string) =>
  `${name} was removed in Django ${removed}: delete it from PASSWORD_HASHERS once no stored password uses it (wrap ` +
  "old hashes in a stronger hasher, or ask those users to reset their password)";

export default findingRule({
  id: "django/removed-password-hashers",
  framework: "django",
  since: "4.1",
  summary: "warns about CryptPasswordHasher (4.1) and the SHA1/unsalted hashers (4.2) in PASSWORD_HASHERS",
  description:
    "Django 4.1 deprecated `CryptPasswordHasher` (removed in 5.0); Django 4.2 deprecated `SHA1PasswordHasher`, " +
    "`UnsaltedSHA1PasswordHasher` and `UnsaltedMD5PasswordHasher` (removed in 5.1). Their dotted paths in strings and " +
    "imports are reported: users whose password is stored with them can no longer log in after the removal.",
  docs: "https://docs.djangoproject.com/en/stable/releases/4.2/#features-deprecated-in-4-2",
  needles: ["CryptPasswordHasher", "SHA1PasswordHasher", "UnsaltedMD5PasswordHasher"],
  patterns: [
    {
      kind: "string", values: [`${HASHERS}.CryptPasswordHasher`], message: MESSAGE("CryptPasswordHasher", "5.0"),
      docs: "https://docs.djangoproject.com/en/stable/releases/4.1/#features-deprecated-in-4-1",
    },
    {
      kind: "name", qualified: [`${HASHERS}.CryptPasswordHasher`], message: MESSAGE("CryptPasswordHasher", "5.0"),
      docs: "https://docs.djangoproject.com/en/stable/releases/4.1/#features-deprecated-in-4-1",
    },
    ...["SHA1PasswordHasher", "UnsaltedSHA1PasswordHasher", "UnsaltedMD5PasswordHasher"].flatMap((name) => [
      { kind: "string" as const, values: [`${HASHERS}.${name}`], message: MESSAGE(name, "5.1"), since: "4.2" },
      { kind: "name" as const, qualified: [`${HASHERS}.${name}`], message: MESSAGE(name, "5.1"), since: "4.2" },
    ]),
  ],
});
