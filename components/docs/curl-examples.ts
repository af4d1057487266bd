/** A curl command for each operation (by path, then method), addressed to `base`, the origin the docs were served from. */
export function curlExamples(base: string): Record<string, Record<string, string>> {
  const camunda = (prefix: string) => ({
    get: `curl -i -u alice:$TOKEN ${base}${prefix}/user/alice/profile`,
    put: `curl -i -X PUT -u alice:$TOKEN ${base}${prefix}/user/alice/profile \\\n  -H "Content-Type: application/json" \\\n  -d '{"id":"alice","firstName":"Alice","lastName":"Liddell","email":"alice@example.com"}'`,
  });
  return {
    "/auth/v1/users/me/profile": {
      get: `curl -i ${base}/auth/v1/users/me/profile \\\n  -H "Authorization: Bearer $TOKEN"`,
      put: `curl -i -X PUT ${base}/auth/v1/users/me/profile \\\n  -H "Authorization: Bearer $TOKEN" \\\n  -H "Content-Type: application/json" \\\n  -H 'If-Match: "3"' \\\n  -d '{"firstName":"Zoë","lastName":"O'"'"'Brien","displayName":"Zoë O'"'"'Brien","preferredLanguage":"de-CH","gender":"GENDER_FEMALE"}'`,
    },
    "/management/v1/users/{userId}/profile": {
      get: `curl -i ${base}/management/v1/users/$USER_ID/profile \\\n  -H "Authorization: Bearer $TOKEN" \\\n  -H "x-zitadel-orgid: $ORG_ID"`,
      put: `curl -i -X PUT ${base}/management/v1/users/$USER_ID/profile \\\n  -H "Authorization: Bearer $TOKEN" \\\n  -H "Content-Type: application/json" \\\n  -d '{"firstName":"Alice","lastName":"Liddell","nickName":"Al","displayName":"Alice Liddell","preferredLanguage":"en","gender":"GENDER_UNSPECIFIED"}'`,
    },
    "/auth/v1/users/me/email": {
      get: `curl -i ${base}/auth/v1/users/me/email \\\n  -H "Authorization: Bearer $TOKEN"`,
      put: `curl -i -X PUT ${base}/auth/v1/users/me/email \\\n  -H "Authorization: Bearer $TOKEN" \\\n  -H "Content-Type: application/json" \\\n  -d '{"email":"alice@example.org"}'`,
    },
    "/management/v1/users/{userId}/email": {
      get: `curl -i ${base}/management/v1/users/$USER_ID/email \\\n  -H "Authorization: Bearer $TOKEN"`,
      put: `curl -i -X PUT ${base}/management/v1/users/$USER_ID/email \\\n  -H "Authorization: Bearer $TOKEN" \\\n  -H "Content-Type: application/json" \\\n  -d '{"email":"alice@example.org","isEmailVerified":false}'`,
    },
    "/engine-rest/user/{id}/profile": camunda("/engine-rest"),
    "/engine-rest/engine/{name}/user/{id}/profile": camunda("/engine-rest/engine/default"),
  };
}
