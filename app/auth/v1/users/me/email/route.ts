import { apiRoute, ifMatch, parseBody, readJson } from "@/lib/http/api";
import { emailMessage, objectDetails, zitadel, zitadelOk } from "@/lib/http/zitadel";
import { zitadelEmailBody } from "@/lib/profile/schema";
import { getProfile, updateProfile } from "@/lib/profile/service";

// Every answer depends on the caller: Next need not watch the handler for what it reads.
export const dynamic = "force-dynamic";

/** ZITADEL auth v1: the caller's own email address and whether it is verified. */
export const GET = apiRoute(zitadel, { auth: "bearer" }, async (_request, caller) => {
  const profile = await getProfile(caller, caller.id);
  return zitadelOk({ details: objectDetails(profile), email: emailMessage(profile) }, profile);
});

/** A new address is pending: a link goes to it, and the address in force changes when it is opened. */
export const PUT = apiRoute(zitadel, { auth: "bearer" }, async (request, caller) => {
  const input = parseBody(zitadelEmailBody, await readJson(request));
  const { profile } = await updateProfile(caller, caller.id, input, { via: "ZITADEL_API", ifSequence: ifMatch(request) });
  return zitadelOk({ details: objectDetails(profile) }, profile);
});
